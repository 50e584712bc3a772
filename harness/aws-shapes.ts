/**
 * Facts about AWS the mocked outputs are shaped after: region short codes, the fixed hosted zones of AWS's
 * endpoints, default ports, the AWS-owned accounts programs name. Values are AWS's own where they are fixed and
 * public; anything else is derived from a stable seed.
 */
import { stableHex } from "./mock-ids";

const DIRECTIONS: Record<string, string> = {
    east: "e",
    west: "w",
    north: "n",
    south: "s",
    central: "c",
    northeast: "ne",
    northwest: "nw",
    southeast: "se",
    southwest: "sw",
};

/** AWS's short code of a region, as in ElastiCache host names and AZ ids: `us-east-1` → `use1`, `ap-southeast-2` → `apse2`. */
export function regionCode(region: string): string {
    const parts = region.split("-");
    const number = parts.pop() ?? "";
    const direction = parts.pop() ?? "";
    const geography = parts.map((p) => (p === "gov" ? "g" : p)).join("");
    return `${geography}${DIRECTIONS[direction] ?? direction.charAt(0)}${number}`;
}

/** The AZ id of a zone name (`us-east-1b` → `use1-az2`); empty for anything that is not a zone name. */
export function zoneIdOf(zone: string): string {
    const match = /^([a-z]+(?:-[a-z]+)+-\d+)([a-z])$/.exec(zone);
    return match ? `${regionCode(match[1])}-az${match[2].charCodeAt(0) - 96}` : "";
}

/** The zone names the mock reports for a region (`us-east-1a` … `us-east-1f`). */
export function zoneNames(region: string): string[] {
    return ["a", "b", "c", "d", "e", "f"].map((z) => `${region}${z}`);
}

/** A fixed per-region value where AWS publishes one, else a stable stand-in of the same shape. */
function perRegion(table: Record<string, string>, region: string, kind: string): string {
    return table[region] ?? `Z${stableHex(`${kind}/${region}`, 13).toUpperCase()}`;
}

/** Hosted zone of Application Load Balancers, by region (what Route 53 alias records name). */
const ALB_ZONES: Record<string, string> = {
    "us-east-1": "Z35SXDOTRQ7X7K",
    "us-east-2": "Z3AADJGX6KTTL2",
    "us-west-1": "Z368ELLRRE2KJ0",
    "us-west-2": "Z1H1FL5HABSF5",
    "eu-west-1": "Z32O12XQLNTSW2",
    "eu-central-1": "Z215JYRZR1TBD5",
};

/** Hosted zone of Network Load Balancers, by region. */
const NLB_ZONES: Record<string, string> = {
    "us-east-1": "Z26RNL4JYFTOTI",
    "us-west-2": "Z18D5FSROUN65G",
    "eu-west-1": "Z2IFOLAFXWLO4F",
};

/** Hosted zone of S3 website and bucket endpoints, by region. */
const S3_ZONES: Record<string, string> = {
    "us-east-1": "Z3AQBSTGFYJSTF",
    "us-east-2": "Z2O1EMRO9K5GLX",
    "us-west-1": "Z2F56UZL2M1ACD",
    "us-west-2": "Z3BJ6K6RIION7M",
    "eu-west-1": "Z1BKCTXD74EZPE",
    "eu-central-1": "Z21DNDUVLTQW6Q",
};

/** Hosted zone of regional API Gateway custom domains, by region. */
const API_GATEWAY_ZONES: Record<string, string> = {
    "us-east-1": "Z1UJRXOUMOOFQ8",
    "us-west-2": "Z2OJLYMUO9EFXC",
    "eu-west-1": "ZLY8HYME6SFDD",
};

/** The hosted zone of a load balancer of `type` (`application`, `network`, `gateway`) in `region`. */
export function loadBalancerZoneId(region: string, type: string): string {
    return type === "network" ? perRegion(NLB_ZONES, region, "nlb") : perRegion(ALB_ZONES, region, "alb");
}

/** The hosted zone of S3's endpoints in `region`. */
export function s3ZoneId(region: string): string {
    return perRegion(S3_ZONES, region, "s3");
}

/** The hosted zone of API Gateway's regional endpoints in `region`. */
export function apiGatewayZoneId(region: string): string {
    return perRegion(API_GATEWAY_ZONES, region, "apigateway");
}

/** CloudFront's hosted zone (the same for every distribution). */
export const CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2";

/** Regions whose S3 website endpoint is `s3-website-<region>` (the older, dash style); the rest use a dot. */
const DASH_WEBSITE_REGIONS = new Set(["us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"]);

/** `s3-website-us-east-1.amazonaws.com` / `s3-website.eu-central-1.amazonaws.com`. */
export function s3WebsiteDomain(region: string): string {
    return DASH_WEBSITE_REGIONS.has(region) ? `s3-website-${region}.amazonaws.com` : `s3-website.${region}.amazonaws.com`;
}

/** The account of the Elastic Load Balancing service in a region (bucket policies for access logs name it). */
const ELB_ACCOUNTS: Record<string, string> = {
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
    "eu-west-1": "156460612806",
    "eu-west-2": "652711504416",
    "eu-central-1": "054676820928",
    "ap-northeast-1": "582318560864",
    "ap-southeast-1": "114774131450",
    "ap-southeast-2": "783225319266",
};

/** The Elastic Load Balancing service account of `region` (us-east-1's where the mock knows none). */
export function elbAccount(region: string): string {
    return ELB_ACCOUNTS[region] ?? ELB_ACCOUNTS["us-east-1"];
}

/** The account that owns Amazon's public AMIs (`owners: ["amazon"]`). */
export const AMAZON_AMI_OWNER = "137112412989";

/** The port a database engine listens on by default. */
export function databasePort(engine: string): number {
    if (/postgres/.test(engine)) return 5432;
    if (/sqlserver/.test(engine)) return 1433;
    if (/oracle/.test(engine)) return 1521;
    if (/db2/.test(engine)) return 50000;
    return 3306;
}

/** Route 53's four name servers of a delegation set, one per top-level domain, as AWS hands them out. */
export function nameServers(seed: string): string[] {
    return ["com", "net", "org", "co.uk"].map((tld, i) => {
        const n = parseInt(stableHex(`${seed}/ns${i}`, 4), 16);
        return `ns-${n % 2048}.awsdns-${String(n % 64).padStart(2, "0")}.${tld}`;
    });
}

/** A public IPv4 address from the documentation range (203.0.113.0/24), stable per seed. */
export function publicIp(seed: string): string {
    return `203.0.113.${1 + (parseInt(stableHex(seed, 4), 16) % 254)}`;
}

/** A private address in 10.0.0.0/16, stable per seed. */
export function privateIp(seed: string): string {
    const n = parseInt(stableHex(seed, 4), 16);
    return `10.0.${n >> 8}.${4 + ((n & 0xff) % 250)}`;
}

/** EC2's private DNS name of an address (`ip-10-0-1-10.ec2.internal` in us-east-1). */
export function privateDns(ip: string, region: string): string {
    return `ip-${ip.replace(/\./g, "-")}.${region === "us-east-1" ? "ec2.internal" : `${region}.compute.internal`}`;
}

/** EC2's public DNS name of an address (`ec2-203-0-113-10.compute-1.amazonaws.com` in us-east-1). */
export function publicDns(ip: string, region: string): string {
    return `ec2-${ip.replace(/\./g, "-")}.${region === "us-east-1" ? "compute-1" : `${region}.compute`}.amazonaws.com`;
}

/** An IPv6 /56 from Amazon's pool, as a VPC gets one (`2600:1f18:2d2:5e00::/56`), stable per seed. */
export function amazonIpv6Block(seed: string): string {
    const hex = stableHex(seed, 8);
    const third = hex.slice(2, 6).replace(/^0+(?=.)/, "");
    const fourth = (0x10 + (parseInt(hex.slice(6, 8), 16) % 0xf0)).toString(16);
    return `2600:1f${hex.slice(0, 2)}:${third}:${fourth}00::/56`;
}

/** The id of a VPC's default security group, from the VPC's id (the VPC and `DefaultSecurityGroup` agree). */
export function defaultSecurityGroupOf(vpcId: string): string {
    return `sg-${stableHex(`${vpcId}/default-security-group`, 17)}`;
}

/** The default VPC of an account in a region. */
export function defaultVpcId(account: string, region: string): string {
    return `vpc-0${stableHex(`${account}/${region}/default-vpc`, 16)}`;
}

/** The default subnet of an account in an availability zone. */
export function defaultSubnetId(account: string, zone: string): string {
    return `subnet-0${stableHex(`${account}/${zone}/default-subnet`, 16)}`;
}

/** The /20 of the default VPC (172.31.0.0/16) that AWS gives the default subnet of a zone. */
export function defaultSubnetCidr(zone: string): string {
    const index = Math.max(0, zone.charCodeAt(zone.length - 1) - 97);
    return `172.31.${16 * index}.0/20`;
}

/** A certificate in PEM, base64-encoded as EKS hands out its cluster CA (`certificateAuthority.data`). */
export function certificateData(seed: string): string {
    const body = Buffer.from(stableHex(seed, 128), "hex").toString("base64");
    return Buffer.from(`-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`).toString("base64");
}

/** The six characters Secrets Manager appends to a secret's name in its ARN (`db-creds-a1b2c3`). */
export function secretSuffix(seed: string): string {
    return BigInt(`0x${stableHex(seed, 12)}`).toString(36).padStart(6, "0").slice(-6);
}

/** Mixed-case alphanumeric characters, `length` of them (user pool ids, generated secrets). */
export function alphanumeric(seed: string, length: number): string {
    return Buffer.from(stableHex(seed, length * 2), "hex").toString("base64").replace(/[^A-Za-z0-9]/g, "x").slice(0, length);
}
