#!/usr/bin/env node
// The mqlab CLI: registers tsx so the TypeScript sources run directly, then hands over.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
