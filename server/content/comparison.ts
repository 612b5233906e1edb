import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BROKERS } from '../protocol/brokers';

const localized = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const comparisonSchema = z.strictObject({
  criteria: z
    .array(
      z.strictObject({
        id: z.string(),
        label: localized,
        /** False for facts ("written in") that a 1–5 score would misrepresent. */
        scored: z.boolean().default(true),
      }),
    )
    .min(1),
  brokers: z
    .array(
      z.strictObject({
        broker: z.enum(BROKERS),
        values: z.record(
          z.string(),
          z.strictObject({
            zh: z.string(),
            en: z.string(),
            score: z.number().int().min(1).max(5).optional(),
          }),
        ),
      }),
    )
    .length(BROKERS.length),
  requirements: z
    .array(z.strictObject({ id: z.string(), label: localized, fits: z.array(z.enum(BROKERS)) }))
    .min(1),
  scenarios: z.array(
    z.strictObject({ id: z.string(), label: localized, choice: z.enum(BROKERS), why: localized }),
  ),
});
export type Comparison = z.infer<typeof comparisonSchema>;

/** Reads and validates a lesson's comparison.json (lesson 02's filterable table). */
export function readComparison(lessonDir: string): Comparison {
  const file = path.join(lessonDir, 'comparison.json');
  if (!fs.existsSync(file))
    throw new Error(`${file}: missing (the lesson uses <BrokerComparison />)`);
  const parsed = comparisonSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  for (const b of parsed.data.brokers) {
    const missing = parsed.data.criteria.filter((c) => !b.values[c.id]).map((c) => c.id);
    if (missing.length)
      throw new Error(`${file}: ${b.broker} has no value for ${missing.join(', ')}`);
  }
  return parsed.data;
}
