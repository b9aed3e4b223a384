// SEPA commands are row commands (commands/row-command.ts): rows, audit entry and stored result in one transaction.
export { rowCommand as sepaCommand, type CommandChange as SepaChange } from '../commands/row-command';
