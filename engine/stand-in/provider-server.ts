/**
 * A resource-provider plugin served over Pulumi's real provider gRPC protocol (`@pulumi/pulumi/proto`), for the
 * engine tier: the CLI starts it like any `pulumi-resource-<name>` plugin and reads its port from stdout.
 *
 * It is a STAND-IN. It never calls a cloud: ids and outputs come from the harness's mock answers
 * (`harness/aws-mocks.ts`), the same code that answers `npm run plan`, so the engine and the plan see one cloud.
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { Mocks } from "@pulumi/pulumi/runtime/mocks";
import * as plugin from "@pulumi/pulumi/proto/plugin_pb";
import * as provider from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { logCall } from "./call-log";
import { diffInputs, type StandInDiff } from "./diff";

/** What a stand-in provider needs to say for one package. */
export interface StandIn {
    /** The package name (`aws`, `random`): the plugin is `pulumi-resource-<package>`. */
    package: string;
    /** The version it answers as, the one `@pulumi/<package>` asks the engine for. */
    version: string;
    /** The mock answers for one provider configuration (region and the rest from Configure). */
    mocks(config: Record<string, string>, preview: boolean): Mocks;
}

type Props = Record<string, unknown>;

function toJs(struct: Struct | undefined): Props {
    return (struct?.toJavaScript() ?? {}) as Props;
}

/** Drops undefined values (a Struct cannot hold them). */
function clean(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(clean);
    if (typeof value === "object" && value !== null) {
        const out: Props = {};
        for (const [key, inner] of Object.entries(value)) {
            if (inner !== undefined) out[key] = clean(inner);
        }
        return out;
    }
    return value;
}

function toStruct(props: Props): Struct {
    return Struct.fromJavaScript(clean(props) as Record<string, never>);
}

/** `urn:pulumi:stack::project::parent$type::name` → type and name, for engines that send neither. */
function typeAndName(urn: string, type: string, name: string): { type: string; name: string } {
    const parts = urn.split("::");
    const typePart = parts[2] ?? "";
    return { type: type || typePart.slice(typePart.lastIndexOf("$") + 1), name: name || (parts[3] ?? "") };
}

type Unary<Req, Res> = (call: grpc.ServerUnaryCall<Req, Res>, callback: grpc.sendUnaryData<Res>) => void;

function unary<Req, Res>(handler: (request: Req) => Res | Promise<Res>): Unary<Req, Res> {
    return (call, callback) => {
        Promise.resolve()
            .then(() => handler(call.request))
            .then(
                (response) => callback(null, response),
                (error: unknown) => callback({ code: grpc.status.INTERNAL, details: error instanceof Error ? error.message : String(error) }),
            );
    };
}

/** The DiffResponse for a stand-in diff. */
function diffResponse(diff: StandInDiff): rpc.DiffResponse {
    return new rpc.DiffResponse()
        .setChanges(diff.changed.length > 0 ? rpc.DiffResponse.DiffChanges.DIFF_SOME : rpc.DiffResponse.DiffChanges.DIFF_NONE)
        .setDiffsList(diff.changed)
        .setReplacesList(diff.replaces)
        .setDeletebeforereplace(diff.deleteBeforeReplace);
}

function unimplemented(method: string): Unary<unknown, never> {
    return (_call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: `${method} is not implemented by this stand-in` });
}

/** Starts the stand-in and prints its port, as the CLI expects of a plugin. */
export function serveStandIn(standIn: StandIn): void {
    let config: Record<string, string> = {};
    const log = (method: string, extra: Omit<Parameters<typeof logCall>[0], "provider" | "method"> = {}): void =>
        logCall({ provider: standIn.package, method, ...extra });
    const mocksFor = (preview: boolean): Mocks => standIn.mocks(config, preview);

    const create = (urn: string, typeIn: string, nameIn: string, inputs: Props, preview: boolean): { type: string; id: string; props: Props } => {
        const { type, name } = typeAndName(urn, typeIn, nameIn);
        const result = mocksFor(preview).newResource({ type, name, inputs, custom: true, provider: undefined, id: undefined }) as { id?: string; state?: Props };
        return { type, id: preview ? "" : (result.id ?? `${name}-id`), props: result.state ?? inputs };
    };

    const implementation: Partial<provider.IResourceProviderServer> = {
        getPluginInfo: unary<Empty, plugin.PluginInfo>(() => new plugin.PluginInfo().setVersion(standIn.version)),
        getSchema: unary<rpc.GetSchemaRequest, rpc.GetSchemaResponse>(() =>
            new rpc.GetSchemaResponse().setSchema(
                JSON.stringify({ name: standIn.package, version: standIn.version, description: `Runway's offline stand-in for pulumi-resource-${standIn.package}: it never reaches a cloud.` }),
            ),
        ),
        checkConfig: unary<rpc.CheckRequest, rpc.CheckResponse>((request) => new rpc.CheckResponse().setInputs(request.getNews())),
        diffConfig: unary<rpc.DiffRequest, rpc.DiffResponse>((request) => {
            return diffResponse(diffInputs(`pulumi:providers:${standIn.package}`, toJs(request.getOldInputs() ?? request.getOlds()), toJs(request.getNews())));
        }),
        configure: unary<rpc.ConfigureRequest, rpc.ConfigureResponse>((request) => {
            const variables: Record<string, string> = {};
            request.getVariablesMap().forEach((value, key) => {
                variables[key] = value;
            });
            for (const [key, value] of Object.entries(toJs(request.getArgs()))) {
                if (typeof value === "string") variables[`${standIn.package}:${key}`] = value;
            }
            config = variables;
            log("Configure");
            return new rpc.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(true).setAcceptresources(true);
        }),
        check: unary<rpc.CheckRequest, rpc.CheckResponse>((request) => new rpc.CheckResponse().setInputs(request.getNews())),
        diff: unary<rpc.DiffRequest, rpc.DiffResponse>((request) => {
            const { type } = typeAndName(request.getUrn(), request.getType(), request.getName());
            const olds = toJs(request.getOldInputs() ?? request.getOlds());
            const diff = diffInputs(type, olds, toJs(request.getNews()));
            log("Diff", { urn: request.getUrn(), type, id: request.getId(), replaces: diff.replaces, deleteBeforeReplace: diff.deleteBeforeReplace });
            return diffResponse(diff);
        }),
        create: unary<rpc.CreateRequest, rpc.CreateResponse>((request) => {
            const created = create(request.getUrn(), request.getType(), request.getName(), toJs(request.getProperties()), request.getPreview());
            log("Create", { urn: request.getUrn(), type: created.type, id: created.id, preview: request.getPreview() });
            return new rpc.CreateResponse().setId(created.id).setProperties(toStruct(created.props));
        }),
        update: unary<rpc.UpdateRequest, rpc.UpdateResponse>((request) => {
            const news = toJs(request.getNews());
            const olds = toJs(request.getOlds());
            const computed = request.getPreview() ? { ...olds, ...news } : create(request.getUrn(), request.getType(), request.getName(), news, false).props;
            log("Update", { urn: request.getUrn(), id: request.getId(), preview: request.getPreview() });
            return new rpc.UpdateResponse().setProperties(toStruct({ ...computed, id: request.getId() }));
        }),
        read: unary<rpc.ReadRequest, rpc.ReadResponse>((request) => {
            log("Read", { urn: request.getUrn(), id: request.getId() });
            const response = new rpc.ReadResponse().setId(request.getId()).setProperties(request.getProperties() ?? new Struct());
            const inputs = request.getInputs();
            return inputs === undefined ? response : response.setInputs(inputs);
        }),
        delete: unary<rpc.DeleteRequest, Empty>((request) => {
            const { type } = typeAndName(request.getUrn(), request.getType(), request.getName());
            log("Delete", { urn: request.getUrn(), type, id: request.getId() });
            return new Empty();
        }),
        invoke: unary<rpc.InvokeRequest, rpc.InvokeResponse>((request) => {
            const answer = mocksFor(false).call({ token: request.getTok(), inputs: toJs(request.getArgs()), provider: undefined }) as Props;
            log("Invoke", { type: request.getTok() });
            return new rpc.InvokeResponse().setReturn(toStruct(answer));
        }),
        cancel: unary<Empty, Empty>(() => new Empty()),
        handshake: unimplemented("Handshake"),
        parameterize: unimplemented("Parameterize"),
        call: unimplemented("Call"),
        construct: unimplemented("Construct"),
        attach: unimplemented("Attach"),
        getMapping: unimplemented("GetMapping"),
        getMappings: unimplemented("GetMappings"),
    };

    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
    server.addService(provider.ResourceProviderService, implementation as grpc.UntypedServiceImplementation);
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
        if (error) {
            process.stderr.write(`stand-in provider ${standIn.package}: ${error.message}\n`);
            process.exit(1);
        }
        process.stdout.write(`${port}\n`);
    });
}
