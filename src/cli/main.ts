import { AnnalsError } from '../errors.js';
import { articlesCommand } from './commands/articles.js';
import { codeCommand } from './commands/code.js';
import { dyadCommand } from './commands/dyad.js';
import { eventsCommand } from './commands/events.js';
import { exportCommand } from './commands/export.js';
import { ingestCommand } from './commands/ingest.js';
import { quotesCommand } from './commands/quotes.js';
import { reprocessCommand } from './commands/reprocess.js';
import { retryCommand } from './commands/retry.js';
import { showCommand } from './commands/show.js';
import type { CliIO, Command } from './io.js';

export const COMMANDS: readonly Command[] = [
  codeCommand,
  ingestCommand,
  reprocessCommand,
  retryCommand,
  eventsCommand,
  quotesCommand,
  articlesCommand,
  showCommand,
  dyadCommand,
  exportCommand,
];

function help(): string {
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n');
  return `annals — political event data from news\n\nusage: annals <command> [options]\n\n${rows}\n\nannals <command> --help for a command's options\n`;
}

/**
 * The CLI's entry. Errors become output here and only here: a usage or core error prints one line and
 * exits 2; unexpected errors print their stack.
 */
export async function main(argv: string[], io: CliIO = process): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`annals: unknown command '${name}'\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof AnnalsError) {
      io.stderr.write(`annals ${name}: ${e.message}\n`);
      return 2;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`annals ${name}: ${e.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr.write(`annals ${name}: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
}
