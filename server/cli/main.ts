import { brokersCommand } from './brokers';
import { runCommand } from './run';
import { UsageError, type Command } from './command';
import { exercisesCommand } from './exercises';
import { gradeCommand } from './grade';

/** `mqlab <command> …`. Adding a command is one file plus one entry here. */
const COMMANDS: Command[] = [brokersCommand, runCommand, exercisesCommand, gradeCommand];

const helpCommand: Command = {
  name: 'help',
  summary: 'Show this help, or one command’s usage: mqlab help <command>',
  usage: 'mqlab help [command]',
  async run([name]) {
    const command = COMMANDS.find((c) => c.name === name);
    if (command) {
      console.log(command.usage);
      return 0;
    }
    const width = Math.max(...[...COMMANDS, helpCommand].map((c) => c.name.length));
    console.log(
      'MQ Lab — learn message queues against real brokers.\n\nUsage: mqlab <command> [options]\n',
    );
    for (const c of [...COMMANDS, helpCommand])
      console.log(`  ${c.name.padEnd(width)}  ${c.summary}`);
    return name === undefined ? 0 : 2;
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') return helpCommand.run([]);
  const command = [...COMMANDS, helpCommand].find((c) => c.name === name);
  if (!command) {
    console.error(`mqlab: unknown command "${name}"\n`);
    await helpCommand.run([]);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`mqlab ${command.name}: ${err.message}\n\n${command.usage}`);
      return 2;
    }
    console.error(`mqlab ${command.name}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

// `mqlab brokers status | head` closes stdout early; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// exitCode rather than exit(): every client closes its sockets, so the process ends on its own.
process.exitCode = await main(process.argv.slice(2));
