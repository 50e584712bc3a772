/**
 * Subnet address plan, as pure functions. The VPC is cut into 32 equal blocks (prefix + 5 bits):
 * public subnets take blocks 0..7, app subnets 8..15, data subnets 16..23 (one per AZ, up to 6 AZs);
 * 24..31 stay free for growth. The same AZ index always gets the same block, so adding AZs never moves a subnet.
 */

/** Tiers of subnets and the first block each uses. */
export const TIER_OFFSET = { public: 0, app: 8, data: 16 } as const;

/** Extra prefix bits per subnet (32 blocks). */
export const SUBNET_BITS = 5;

function toInt(ip: string): number {
    return ip.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function toIp(value: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** The CIDR of block `index` of `vpcCidr`, e.g. (10.0.0.0/16, 9) → 10.0.72.0/21. */
export function subnetCidr(vpcCidr: string, index: number): string {
    const [ip, prefixText] = vpcCidr.split("/");
    const prefix = Number(prefixText) + SUBNET_BITS;
    const size = 2 ** (32 - prefix);
    return `${toIp(toInt(ip) + index * size)}/${prefix}`;
}

/** Availability zone `index` of `region`: us-east-1 → us-east-1a, us-east-1b, ... */
export function availabilityZone(region: string, index: number): string {
    return `${region}${"abcdef"[index]}`;
}
