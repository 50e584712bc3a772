/**
 * `StackReference` outputs offline: another stack's outputs cannot be known, so they are unknown — as in a
 * preview — in every mode, and a program that reads them (`getOutput`, `requireOutput`) never crashes.
 */
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { RecordingMonitor } from "./recording-monitor";

/** The type token of `pulumi.StackReference`. */
export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

type Callback<T> = (err: unknown, response?: T) => void;

/** The recording monitor, answering stack-reference reads as unknown (the mock provider supplies the sentinel). */
export class OfflineMonitor extends RecordingMonitor {
    override async readResource(req: resproto.ReadResourceRequest, callback: Callback<resproto.ReadResourceResponse>): Promise<void> {
        return super.readResource(req, (err, response) => {
            if (response && req.getType() === STACK_REFERENCE_TYPE) {
                response.setUnknown(true);
            }
            callback(err, response);
        });
    }
}
