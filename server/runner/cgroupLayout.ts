import fs from 'node:fs';
import path from 'node:path';

/**
 * Where this server may create cgroups for its sandboxes. Both layouts occur: cgroup v2
 * (one unified tree) on current distributions, v1 (one tree per controller) on older hosts
 * and some VMs, including this project's CI. Groups are created below the server's own
 * cgroup, so whatever limits the host put on the server also hold for its sandboxes.
 */
export type CgroupLayout =
  | { version: 2; base: string }
  | { version: 1; memory: string; pids: string; freezer: string | undefined };

const ROOT = '/sys/fs/cgroup';
const GROUP = 'mqlab-sandbox';

export function detectCgroupLayout(): CgroupLayout | undefined {
  const own = ownCgroups();
  const v1Memory = path.join(ROOT, 'memory');
  if (
    fs.existsSync(path.join(v1Memory, 'memory.limit_in_bytes')) ||
    fs.existsSync(path.join(v1Memory, 'cgroup.procs'))
  ) {
    const under = (controller: string) =>
      path.join(ROOT, controller, own.get(controller) ?? '/', GROUP);
    if (!fs.existsSync(path.join(ROOT, 'pids', 'cgroup.procs'))) return undefined;
    const freezer = fs.existsSync(path.join(ROOT, 'freezer', 'cgroup.procs'))
      ? under('freezer')
      : undefined;
    return { version: 1, memory: under('memory'), pids: under('pids'), freezer };
  }
  const controllers = readOr(path.join(ROOT, 'cgroup.controllers'), '');
  if (controllers.includes('memory') && controllers.includes('pids')) {
    return { version: 2, base: path.join(ROOT, own.get('') ?? '/', GROUP) };
  }
  return undefined;
}

/** Prepares the parent group(s); idempotent. Throws when the host does not let us. */
export function prepareCgroupParent(layout: CgroupLayout): void {
  if (layout.version === 1) {
    for (const dir of [layout.memory, layout.pids, layout.freezer])
      if (dir) fs.mkdirSync(dir, { recursive: true });
    return;
  }
  fs.mkdirSync(layout.base, { recursive: true });
  // v2 only lets a group hand controllers to children if the group itself holds no process.
  fs.writeFileSync(path.join(layout.base, 'cgroup.subtree_control'), '+memory +pids');
}

/** controller name ('' for v2) → path, from /proc/self/cgroup. */
function ownCgroups(): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of readOr('/proc/self/cgroup', '').split('\n')) {
    const [, controllers, where] = line.split(':');
    if (controllers === undefined || where === undefined) continue;
    for (const c of controllers.split(',')) map.set(c.replace(/^name=/, ''), where);
  }
  return map;
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}
