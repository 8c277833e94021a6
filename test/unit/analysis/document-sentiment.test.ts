import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import model from '#shared/analysis/data/document-sentiment.model.json' with { type: 'json' };
import { modelTable } from '#shared/analysis/linear-model.js';
import { LinearModelData } from '#shared/analysis/linear-model-data.js';
import { defaultTopics } from '#shared/topics/load.js';

const analyser = new Analyser(defaultTopics());
const label = (title: string, body: string) =>
  analyser.analyse({ title, body, language: 'en' }).sentiment.label;

describe('the document sentiment model', () => {
  it('is a valid model whose features are exactly the ones the analyser computes', () => {
    const data = LinearModelData.parse(model);
    // (each language adds its own indicator and balance: the union over the six is the model's set)
    const computed = [
      ...new Set(
        ['en', 'fr', 'de', 'es', 'ru', 'uk'].flatMap((language) =>
          Object.keys(analyser.documentFeatures({ body: 'Kherson.', title: 'A title', language })),
        ),
      ),
    ].sort();
    // A renamed feature would silently weigh nothing: the model and the code must agree.
    expect(modelTable(data).names.sort()).toEqual(computed);
  });

  it('labels what an article mainly reports', () => {
    expect(
      label(
        'Three civilians killed in overnight shelling',
        'Three civilians were killed and eleven wounded when shelling hit a residential block overnight, officials said. Rescuers pulled bodies from the rubble.',
      ),
    ).toBe('negative');
    expect(
      label(
        'Crowds celebrate as power returns to liberated town',
        'Crowds celebrated with joy as electricity was restored and families returned home to the liberated town. Volunteers delivered aid.',
      ),
    ).toBe('positive');
    expect(
      label(
        'UN General Assembly schedules vote on resolution',
        'The General Assembly will vote on the draft resolution on Thursday, a spokesperson said. The committee discussed the agenda and the proposal in a closed session.',
      ),
    ).toBe('neutral');
  });

  it('gives a score in [-1, 1] that leans the way of the label', () => {
    const s = analyser.analyse({
      body: 'Rescuers found more bodies in the rubble of the destroyed school.',
    }).sentiment;
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.score).toBeLessThan(0);
  });
});

describe('the analysis version', () => {
  it('is the same for the same topic set and changes with the topics', () => {
    const topics = defaultTopics();
    expect(new Analyser(topics).version).toBe(analyser.version);
    expect(analyser.version).toMatch(/^a\d+-r\d+-[0-9a-f]{12}$/);
    const fewer = { ...topics, topics: topics.topics.slice(0, 1) };
    expect(new Analyser(fewer).version).not.toBe(analyser.version);
  });
});
