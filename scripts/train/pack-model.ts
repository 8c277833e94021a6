import { readFileSync, writeFileSync } from 'node:fs';
import { LinearModelData, packModel } from '#shared/analysis/linear-model-data.js';

/**
 * `npx tsx scripts/train/pack-model.ts MODEL.json [OUT.json]`: rewrites a model fit.py wrote
 * (weights by feature name) in the packed form LinearModel loads fast: feature names joined by
 * newlines, weights as base64 int16 (fit.py's 4 decimals, times 10 000) or, were a weight not
 * such a number, base64 float64. The weights are the same numbers, bit for bit.
 */
const [input, output = input] = process.argv.slice(2);
if (!input) throw new Error('usage: pack-model.ts MODEL.json [OUT.json]');
const packed = packModel(LinearModelData.parse(JSON.parse(readFileSync(input, 'utf8'))));
writeFileSync(output as string, `${JSON.stringify(packed)}\n`);
const form = 'int16' in packed ? 'int16' : 'float64';
console.log(
  `packed ${packed.features.split('\n').length} features of ${packed.classes.length} classes (${form}) into ${output}`,
);
