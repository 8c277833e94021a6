#!/usr/bin/env bash
# Leave-one-set-out replay of the talks judge's threshold: for each annotated set given, retrain the
# judge without it (npm run train:judge's settings), then count its article-topic pairs at
# thresholds 0.4-0.7. Run it in a scratch worktree (`git worktree add ../replay HEAD`): it rewrites
# test/fixtures/counting-split.json and the judge model while it runs, and restores both from git
# at the end. Needs python3-sklearn. Output: one line per set and threshold on stdout.
#   scripts/train/replay-threshold.sh blind40 blind41 ... > replay.txt
# Sum: awk '{split($7,a,"/"); t[$2]+=a[1]; n[$2]+=a[2]} END {for (k in t) print k, t[k]"/"n[k]}' replay.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
model=shared/topics/data/talks-judge.model.json
for set in "$@"; do
  python3 - "$set" <<'PY'
import json, sys
p = 'test/fixtures/counting-split.json'
s = json.load(open(p))
s['untouched'] = [sys.argv[1]]
json.dump(s, open(p, 'w'))
PY
  npx tsx scripts/train/judge-data.ts eval-out/train > /dev/null
  /usr/bin/python3 scripts/train/fit.py --train eval-out/train/judge-train.jsonl --out "$model" --grid 0.3 \
    --class-weight none --min-count 2 --prune 0.001 --threshold 0.5 --trained-on replay --about replay > /dev/null
  npx tsx scripts/train/pack-model.ts "$model" > /dev/null
  for t in 0.4 0.5 0.6 0.7; do
    python3 - "$t" <<'PY'
import json, sys
p = 'shared/topics/data/talks-judge.model.json'
m = json.load(open(p))
m['meta']['threshold'] = float(sys.argv[1])
json.dump(m, open(p, 'w'))
PY
    echo "$set t=$t $(npx tsx scripts/eval/count-pairs.ts eval-out/replay-pairs.json "test/fixtures/$set" | grep TOTAL)"
  done
done
git checkout -q test/fixtures/counting-split.json "$model"
