import { Command, type Help, type Option } from 'commander';
import type { Translate } from './shared/said.ts';

// What commander itself writes, in the operator's language: the frame of `--help` («Использование:»,
// «Параметры:», «Команды:»), its help option and help command, an option's default, and its
// refusals of a command line it cannot parse (a missing argument, an unknown option). The
// descriptions of commands and options are the domains' own (their *.cli.ts, from the catalogue).

/** commander's section titles (Help.formatHelp) and the catalogue key of each. */
const TITLES: Record<string, string> = {
  'Usage:': 'cli.help.usage',
  'Arguments:': 'cli.help.arguments',
  'Options:': 'cli.help.options',
  'Global Options:': 'cli.help.globalOptions',
  'Commands:': 'cli.help.commands',
};

/** The placeholders commander writes in a usage line and a command's term. */
const PLACEHOLDERS: Record<string, string> = {
  '[options]': 'cli.help.optionsPlaceholder',
  '[command]': 'cli.help.commandPlaceholder',
};

const placeholders = (t: Translate, text: string): string =>
  text
    .split(' ')
    .map((word) => (PLACEHOLDERS[word] ? t(PLACEHOLDERS[word]) : word))
    .join(' ');

/** The help configuration (inherited by every subcommand) that writes the frame in t's language. */
const helpConfiguration = (t: Translate): Partial<Help> => ({
  styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]) : title),
  commandUsage(this: Help, cmd: Command): string {
    const names: string[] = [];
    for (let c = cmd.parent; c; c = c.parent) names.unshift(c.name());
    return [...names, cmd.name(), placeholders(t, cmd.usage())].join(' ');
  },
  subcommandTerm: (cmd: Command): string =>
    placeholders(
      t,
      [
        cmd.name(),
        ...(cmd.options.length ? ['[options]'] : []),
        ...cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)),
      ].join(' '),
    ),
  // Of commander's extras only the default is used here (no choices, presets or environment variables).
  optionDescription: (option: Option): string => {
    const shown = option.defaultValue !== undefined && (option.required || option.optional);
    const extra = shown
      ? t('cli.help.default', {
          value: option.defaultValueDescription ?? JSON.stringify(option.defaultValue),
        })
      : '';
    return [option.description, extra].filter(Boolean).join(' ');
  },
});

/** commander's own refusals, undeclared in its typings (commander 14, lib/command.js). */
interface Refusals {
  unknownOption(this: Command, flag: string): void;
  unknownCommand(this: Command): void;
}
const base = Command.prototype as unknown as Refusals;

/** Said by `error` while commander's own message is only wanted for its guess, never written. */
class Composed extends Error {}

/**
 * A command whose subcommands, help and parse errors speak t's language. Commander's refusals
 * are said anew from the catalogue; an unknown option or command keeps commander's guess of what
 * was meant (the names on the second line of its own message).
 */
export const spokenCommand = (t: Translate, name: string): Command => {
  class Spoken extends Command {
    private composing = false;

    override createCommand(sub?: string): Command {
      return new Spoken(sub);
    }

    override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
      if (this.composing) throw new Composed(message);
      return super.error(message, errorOptions);
    }

    /** The guess commander adds to its refusal (run with writing held back), or ''. */
    private guess(run: () => void): string {
      this.composing = true;
      try {
        run();
      } catch (err) {
        if (err instanceof Composed) return err.message.split('\n')[1] ?? '';
        throw err;
      } finally {
        this.composing = false;
      }
      return '';
    }

    private refuse(key: string, code: string, params: Record<string, string | number>, guess = ''): never {
      const names = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(guess.trim())?.[1];
      const message = [t(key, params), ...(names ? [t('cli.parse.didYouMean', { names })] : [])].join('\n');
      return this.error(t('cli.errors.other', { message }), { code });
    }

    missingArgument(arg: string): never {
      return this.refuse('cli.parse.missingArgument', 'commander.missingArgument', { name: arg });
    }

    optionMissingArgument(option: Option): never {
      return this.refuse('cli.parse.optionMissingArgument', 'commander.optionMissingArgument', {
        option: option.flags,
      });
    }

    missingMandatoryOptionValue(option: Option): never {
      return this.refuse('cli.parse.missingMandatoryOption', 'commander.missingMandatoryOptionValue', {
        option: option.flags,
      });
    }

    unknownOption(flag: string): void {
      // commander lets an unknown option through when asked to (allowUnknownOption): no refusal then.
      const said = this.guess(() => base.unknownOption.call(this, flag));
      if ((this as unknown as { _allowUnknownOption: boolean })._allowUnknownOption) return;
      this.refuse('cli.parse.unknownOption', 'commander.unknownOption', { flag }, said);
    }

    unknownCommand(): never {
      const said = this.guess(() => base.unknownCommand.call(this));
      return this.refuse('cli.parse.unknownCommand', 'commander.unknownCommand', { name: String(this.args[0]) }, said);
    }

    _excessArguments(received: string[]): void {
      if ((this as unknown as { _allowExcessArguments: boolean })._allowExcessArguments) return;
      this.refuse('cli.parse.excessArguments', 'commander.excessArguments', {
        command: this.name(),
        count: this.registeredArguments.length,
        got: received.length,
      });
    }
  }
  const program = new Spoken(name);
  program.configureHelp(helpConfiguration(t));
  program.helpOption('-h, --help', t('cli.help.helpOption'));
  program.helpCommand('help [command]', t('cli.help.helpCommand'));
  return program;
};
