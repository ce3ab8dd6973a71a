// `branchloop`: the command-line entry. Machine-readable output with --json on stdout, messages on
// stderr, and a non-zero exit code with a one-line reason on failure.
import { AppError } from '../api/errors.js';
import { appVersion } from '../services/version.js';
import { commands, openSession, parseCommandFlags, resolveDataLocation, type Command } from './commands.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `branchloop ${appVersion} — the precision-marketing workbench of a bank branch`,
    '',
    'Usage: branchloop <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options every command takes:',
    '  --data-dir DIR  the folder holding branchloop.sqlite (default: BRANCHLOOP_DATA_DIR, else the user data folder)',
    '  --json          machine-readable output on stdout',
    '  --help          help for a command',
    '',
    'Run "branchloop <command> --help" for its options.',
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return `${command.usage}\n\n${command.summary}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = commands.find((c) => c.name === rest[0]);
    process.stdout.write(topic ? commandHelp(topic) : help());
    return 0;
  }
  if (name === '--version') {
    process.stdout.write(appVersion + '\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new AppError('invalid_input', `unknown command "${name}"; run "branchloop --help" for the list`);
  let flags: ReturnType<typeof parseCommandFlags>;
  try {
    flags = parseCommandFlags(command, rest);
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `${error instanceof Error ? error.message : String(error)} (usage: ${command.usage})`,
    );
  }
  if (flags.help) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  const json = flags.json === true;
  const dataDir = typeof flags['data-dir'] === 'string' ? flags['data-dir'] : undefined;
  const { session, close } = await openSession(resolveDataLocation(dataDir), json);
  try {
    const { operands, ...options } = flags;
    const output = await command.run(options, session, operands);
    process.stdout.write(json ? JSON.stringify(output.json, null, 2) + '\n' : output.text);
    return 0;
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`branchloop: ${message.split('\n')[0]}\n`);
    process.exit(error instanceof AppError && error.code === 'invalid_input' ? 2 : 1);
  },
);
