/**
 * Bad input: an unknown flag, stage, stack, config key or file, or a program that cannot run. The CLI prints the
 * message alone on stderr and exits 2, with nothing on stdout.
 */
export class BadInput extends Error {
    override readonly name = "BadInput";
}
