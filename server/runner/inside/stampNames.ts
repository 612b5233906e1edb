/** Header / field names MQ Lab adds to every message a wrapped producer sends. No imports: the server uses them too (fault injection). */
export const STAMP = {
  id: 'x-mqlab-id',
  seq: 'x-mqlab-seq',
  producer: 'x-mqlab-producer',
} as const;
