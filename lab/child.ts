/** Runs a lab child's `main` (`worker.ts`, `coldstart.ts`): exit 0 when it printed its result, 1 on a crash. */
export function runChild(main: () => Promise<void>): void {
    main().then(
        () => process.exit(0),
        (err: unknown) => {
            process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
            process.exit(1);
        },
    );
}
