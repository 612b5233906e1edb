import { z } from 'zod';
import { BROKERS } from '../protocol/brokers';

export const LOCALES = ['zh', 'en'] as const;
export type ContentLocale = (typeof LOCALES)[number];

export const lessonFrontMatterSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
  broker: z.enum([...BROKERS, 'none']),
});
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

const localized = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const TRACE_EXPECT_TYPES = [
  'produce',
  'deliver',
  'ack',
  'nack',
  'requeue',
  'dead-letter',
  'anomaly',
] as const;

export const exampleMetaSchema = z.strictObject({
  broker: z.enum(BROKERS),
  title: localized,
  open: z.string().regex(/^[\w.-]+\.ts$/),
  expect: z
    .array(
      z
        .strictObject({
          type: z.enum(TRACE_EXPECT_TYPES),
          min: z.number().int().nonnegative().optional(),
          max: z.number().int().nonnegative().optional(),
        })
        .refine((e) => e.min !== undefined || e.max !== undefined, 'needs min or max'),
    )
    .default([]),
});
export type ExampleMeta = z.infer<typeof exampleMetaSchema>;

export const QUESTION_TOPICS = [
  'basics',
  'choosing',
  'rabbitmq',
  'kafka',
  'nsq',
  'redis',
  'reliability',
  'idempotency',
  'ordering',
  'architecture',
  'operations',
] as const;
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

export const questionFrontMatterSchema = z.strictObject({
  question: z.string().min(1),
  topic: z.enum(QUESTION_TOPICS),
  brokers: z.array(z.enum([...BROKERS, 'general'])).min(1),
  difficulty: z.enum(DIFFICULTIES),
});
export type QuestionFrontMatter = z.infer<typeof questionFrontMatterSchema>;
