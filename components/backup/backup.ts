import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Account } from "../account";
import { assumeRolePolicy } from "../iam/documents";
import { child, stateful } from "../options";
import { Key } from "../security/key";

/** Arguments of the AWS Backup plan. */
export interface BackupArgs {
    /** Account of the stack. */
    readonly account: Account;
    /** Key of the primary vault. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Provider in the backup region (copies land there). */
    readonly backupProvider: aws.Provider;
    /**
     * Region of `backupProvider`.
     * @default `CONFIG_SCHEMA.backupRegion` (`us-west-2`), through `runway:backupRegion`
     */
    readonly backupRegion: string;
    /** Resources to back up (database, buckets). */
    readonly resourceArns: pulumi.Input<string>[];
    /**
     * Recovery points (and copies) kept (days).
     * @default `CONFIG_SCHEMA.backupRetentionDays` (35), through `runway:backupRetentionDays`
     */
    readonly retentionDays: number;
    /**
     * Protect and retain the vaults and the copy key.
     * @default `CONFIG_SCHEMA.protect (enterprise)` (true), through `runway:protect`
     */
    readonly protect: boolean;
}

/** Daily backup at 05:00 UTC. */
export const BACKUP_SCHEDULE = "cron(0 5 ? * * *)";

const MANAGED_POLICIES = [
    "service-role/AWSBackupServiceRolePolicyForBackup",
    "service-role/AWSBackupServiceRolePolicyForRestores",
    "AWSBackupServiceRolePolicyForS3Backup",
    "AWSBackupServiceRolePolicyForS3Restore",
] as const;

/** AWS Backup: encrypted vault, daily plan with a copy to a vault (own key) in a second region, and a selection. */
export class Backup extends pulumi.ComponentResource {
    /** Primary vault ARN. */
    readonly vaultArn: pulumi.Output<string>;
    /** Cross-region vault ARN. */
    readonly copyVaultArn: pulumi.Output<string>;
    /** Plan id. */
    readonly planId: pulumi.Output<string>;

    constructor(name: string, args: BackupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:backup:Backup", name, {}, opts);
        const vault = new aws.backup.Vault(`${name}-vault`, { kmsKeyArn: args.kmsKeyArn }, stateful(this, args.protect));
        const copyKey = new Key(
            `${name}-copy`,
            { description: `Runway backup copies in ${args.backupRegion}`, account: { ...args.account, region: args.backupRegion }, services: [], protect: args.protect },
            { parent: this, providers: [args.backupProvider] },
        );
        const copyVault = new aws.backup.Vault(`${name}-copy-vault`, { kmsKeyArn: copyKey.arn }, stateful(this, args.protect, { provider: args.backupProvider }));
        const lifecycle = { deleteAfter: args.retentionDays };
        const plan = new aws.backup.Plan(
            `${name}-plan`,
            {
                rules: [
                    {
                        ruleName: "daily",
                        targetVaultName: vault.name,
                        schedule: BACKUP_SCHEDULE,
                        startWindow: 60,
                        completionWindow: 360,
                        lifecycle,
                        copyActions: [{ destinationVaultArn: copyVault.arn, lifecycle }],
                    },
                ],
            },
            child(this),
        );
        const role = new aws.iam.Role(`${name}-role`, { assumeRolePolicy: assumeRolePolicy("backup.amazonaws.com") }, child(this));
        MANAGED_POLICIES.forEach(
            (policy, i) =>
                new aws.iam.RolePolicyAttachment(`${name}-role-policy-${i}`, { role: role.name, policyArn: pulumi.interpolate`arn:${args.account.partition}:iam::aws:policy/${policy}` }, child(this)),
        );
        new aws.backup.Selection(`${name}-selection`, { planId: plan.id, iamRoleArn: role.arn, resources: args.resourceArns }, child(this));
        this.vaultArn = vault.arn;
        this.copyVaultArn = copyVault.arn;
        this.planId = plan.id;
        this.registerOutputs({ vaultArn: this.vaultArn, copyVaultArn: this.copyVaultArn, planId: this.planId });
    }
}
