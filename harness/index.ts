/**
 * Runway's harness: run a Pulumi TypeScript program under the mock runtime, see what it declares, and hand it to
 * a policy pack in-process or through the real gRPC analyzer. See `harness/README.md`.
 */
export { runProgram, ProgramError, type RunOptions, type ProgramErrorKind } from "./run-program";
export { loadStackConfig, knownStacks, StackConfigError, type StackConfig, type ConfigOrigin } from "./stack-config";
export { findProjectFile, resolveProgramPath, ProgramNotFound } from "./project";
export { makeUrn, qualifiedType } from "./recording-monitor";
export * from "./types";
export { evaluatePack, type PolicyPackDefinition, type EvaluateOptions, type EvaluationPhase } from "./evaluate-pack";
export { analyzeOverGrpc, startAnalyzer, configureAnalyzer, analyzeRun, sendRun, decodeRun, type AnalyzerConnection, type RunResponses, type StartOptions } from "./grpc-analyzer";
export { UnaryChannel, GrpcCallError } from "./grpc-unary";
export { encodeRun, type EncodedRun } from "./analyzer-wire";
export { packPolicyConfig, type PackConfig, type PolicyConfig, type PolicyConfigInfo } from "./pack-config";
export { toStackResources, rawProperties } from "./stack-view";
export { serverHandlers, type ServerHandlers } from "./policy-server";
