import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child } from "../options";

/** Arguments of the load balancer's certificate. */
export interface CertificateArgs {
    /** Host name the certificate covers (`runway:domain`, required for hero and enterprise). */
    readonly domain: string;
    /** Route 53 zone of the domain: when given, validation records are created and awaited; unset, publish `validationRecord` yourself. */
    readonly hostedZoneId?: string;
}

/**
 * An ACM certificate validated through DNS. With a hosted zone the validation record is created and
 * `certificateArn` resolves once the certificate is issued; without one, add the record in `validationRecord`
 * at your DNS provider before the HTTPS listener can be created.
 */
export class Certificate extends pulumi.ComponentResource {
    /** ARN of the (validated, when a zone is given) certificate. */
    readonly certificateArn: pulumi.Output<string>;
    /** The CNAME to publish for validation: `name CNAME value`. */
    readonly validationRecord: pulumi.Output<string>;

    constructor(name: string, args: CertificateArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:edge:Certificate", name, {}, opts);
        const cert = new aws.acm.Certificate(`${name}-cert`, { domainName: args.domain, validationMethod: "DNS" }, child(this, { deleteBeforeReplace: false }));
        const option = cert.domainValidationOptions.apply((options) => options?.[0]);
        this.validationRecord = option.apply((o) => (o ? `${o.resourceRecordName} CNAME ${o.resourceRecordValue}` : "pending"));
        if (args.hostedZoneId !== undefined) {
            const record = new aws.route53.Record(
                `${name}-validation`,
                {
                    zoneId: args.hostedZoneId,
                    name: option.apply((o) => o?.resourceRecordName ?? `_validation.${args.domain}`),
                    type: option.apply((o) => o?.resourceRecordType ?? "CNAME"),
                    records: [option.apply((o) => o?.resourceRecordValue ?? "pending.acm-validations.aws")],
                    ttl: 300,
                    allowOverwrite: true,
                },
                child(this),
            );
            const validation = new aws.acm.CertificateValidation(`${name}-validated`, { certificateArn: cert.arn, validationRecordFqdns: [record.fqdn] }, child(this));
            this.certificateArn = validation.certificateArn;
        } else {
            this.certificateArn = cert.arn;
        }
        this.registerOutputs({ certificateArn: this.certificateArn, validationRecord: this.validationRecord });
    }
}
