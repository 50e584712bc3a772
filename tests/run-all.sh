#!/bin/sh
# `npm test`: the pack compiled first (tests load policies/bin), then the whole repository's type check
# (`tsc --noEmit`, one core for ~20 s) in parallel with the test suite, so the second core is not idle meanwhile.
# Fails when either fails; both always run to the end.
set -u
tsc -p policies/tsconfig.json || exit 1
tsc --noEmit -p tsconfig.json &
typecheck=$!
mocha
tests=$?
wait "$typecheck"
types=$?
[ "$tests" -eq 0 ] && [ "$types" -eq 0 ]
