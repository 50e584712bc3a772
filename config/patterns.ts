/** Formats of string config values (what each allows is said beside its key in `schema.ts`). */
import { VPC_PREFIX } from "./aws-limits";

export const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
export const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
export const TAG_VALUE = /^[A-Za-z0-9 _.:/=+@-]{1,256}$/;
export const HOSTED_ZONE = /^Z[A-Z0-9]{1,31}$/;
export const GRAVITON = /^[a-z]+\d+g[a-z]*\.(nano|micro|small|medium|large|\d*xlarge|metal)$/;
export const IMAGE = /^[a-z0-9][A-Za-z0-9./_:@-]*$/;
export const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
export const ENGINE_VERSION = /^\d+(\.\d+)?$/;
export const DB_CLASS = /^db\.[a-z0-9]+\.[a-z0-9]+$/;
export const CACHE_NODE = /^cache\.[a-z0-9]+\.[a-z0-9]+$/;
export const SNAPSHOT = /^(arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:(cluster-)?snapshot:[A-Za-z0-9:-]+|[A-Za-z][A-Za-z0-9:-]{0,254})$/;
export const SCHEDULE = /^(cron|rate|at)\(.+\)$/;

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** True when `cidr` is an IPv4 network whose prefix fits Runway's VPC layout (`VPC_PREFIX`). */
export function isVpcCidr(cidr: string): boolean {
    const match = CIDR.exec(cidr);
    if (!match) return false;
    const prefix = Number(match[5]);
    return match.slice(1, 5).every((octet) => Number(octet) <= 255) && prefix >= VPC_PREFIX.min && prefix <= VPC_PREFIX.max;
}
