import * as pulumi from "@pulumi/pulumi";
import { loadConfig } from "./config/load";
import { createAwsProvider, runwayTags } from "./components/provider";
import { declareStage } from "./components/stages";

// 1. Config first: a bad value throws a ConfigError before any resource exists.
const config = loadConfig();

// 2. One explicit provider carries region and default tags to every resource of the stage.
const tags = runwayTags(config, pulumi.getProject(), pulumi.getStack());
const aws = createAwsProvider("aws", config.region, tags);
const backupProvider = config.stage === "enterprise" ? createAwsProvider("aws-backup", config.backupRegion, tags) : undefined;

// 3. The stage component declares everything else.
const stage = declareStage(config, { backupProvider }, { providers: [aws] });

export const stageName = config.stage;
export const url = stage.url;
export const assetsBucket = stage.assetsBucket;
export const dbEndpoint = stage.dbEndpoint;
export const dashboardUrl = stage.dashboardUrl;
export const cdnDomain = stage.cdnDomain;
export const repositoryUrl = stage.repositoryUrl;
export const publicIp = stage.publicIp;
