import { fmtDay, h } from './dom.js';

/** The empty states: no article at all (how to upload one), or none in the range (a way out). */

function uploadHelp(): HTMLElement {
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);
  const cmd = local
    ? 'export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1\n' +
      'aws --endpoint-url http://localhost:4568 s3 cp article.txt s3://articles/2022/article.txt \\\n' +
      '    --metadata published-at=2022-11-10T12:00:00Z'
    : 'aws s3 cp article.txt s3://<articles bucket>/2022/article.txt \\\n' +
      '    --metadata published-at=2022-11-10T12:00:00Z';
  return h(
    'div',
    { class: 'upload' },
    h(
      'p',
      {},
      'Upload a news article (',
      h('code', {}, '.txt'),
      ', ',
      h('code', {}, '.json'),
      ' or ',
      h('code', {}, '.html'),
      ') to the articles bucket; it is counted within seconds:',
    ),
    h('pre', {}, h('code', {}, cmd)),
    ...(local
      ? []
      : [
          h(
            'p',
            { class: 'hint' },
            'The bucket name is the stack output ArticlesBucketName of your deployment.',
          ),
        ]),
  );
}

export type EmptyRange = {
  from: string;
  to: string;
  topics: readonly string[];
  /** The day of the newest article, and how to show the 30 days up to it. */
  latest: { day: string; show: () => void } | undefined;
};

/** Fills `target` with the empty state: `range` undefined when nothing was ever counted. */
export function renderEmpty(target: HTMLElement, range: EmptyRange | undefined): void {
  const title = h('h2', { id: 'empty-title' }, range ? 'No articles in this range' : 'No articles yet');
  const parts: Node[] = [title];
  if (range) {
    parts.push(
      h(
        'p',
        {},
        `Nothing about ${range.topics.join(' or ')} was published between ${fmtDay(range.from)} and ${fmtDay(range.to)}.`,
      ),
    );
    if (range.latest) {
      const jump = h(
        'button',
        { type: 'button', class: 'primary' },
        `Show the 30 days to ${fmtDay(range.latest.day)}`,
      );
      jump.addEventListener('click', range.latest.show);
      parts.push(h('p', {}, `The newest article is from ${fmtDay(range.latest.day)}. `, jump));
    }
  } else {
    parts.push(h('p', {}, 'The pipeline has not counted any article so far.'));
  }
  parts.push(uploadHelp());
  target.replaceChildren(...parts);
}
