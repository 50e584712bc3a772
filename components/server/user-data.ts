/** What the zero instance's boot script installs. */
export interface UserDataArgs {
    /** Public host name: Caddy obtains a certificate for it automatically; without one Caddy serves :80. */
    readonly domain?: string;
    /** Container image of the app (front and back end); without one Caddy answers with a placeholder. */
    readonly image?: string;
    /**
     * Port the app container listens on (bound to 127.0.0.1 only; Caddy is the only public listener).
     * @default `CONFIG_SCHEMA.containerPort` (8080), through `runway:containerPort`
     */
    readonly appPort: number;
}

/** Caddy release downloaded at boot (static arm64 binary). */
export const CADDY_DOWNLOAD = "https://caddyserver.com/api/download?os=linux&arch=arm64";

/** The site block of the Caddyfile. */
export function caddyfile(args: UserDataArgs): string {
    const site = args.domain ?? ":80";
    const handler = args.image ? `reverse_proxy 127.0.0.1:${args.appPort}` : `respond "Runway zero is up. Set runway:containerImage to deploy your app." 200`;
    return `${site} {\n    encode gzip\n    ${handler}\n}\n`;
}

/**
 * cloud-init shell script for Amazon Linux 2023 (arm64): Docker + the app container, Caddy in front with
 * automatic TLS, the CloudWatch agent; SSM Agent ships with the AMI (no SSH).
 */
export function renderUserData(args: UserDataArgs): string {
    const app = args.image
        ? [
              "systemctl enable --now docker",
              `docker run -d --name app --restart=always -p 127.0.0.1:${args.appPort}:${args.appPort} -e PORT=${args.appPort} ${args.image}`,
          ]
        : [];
    return [
        "#!/bin/bash",
        "set -euo pipefail",
        "dnf install -y docker amazon-cloudwatch-agent",
        ...app,
        `curl -fsSL "${CADDY_DOWNLOAD}" -o /usr/local/bin/caddy && chmod 755 /usr/local/bin/caddy`,
        "useradd --system --home /var/lib/caddy --create-home caddy || true",
        "mkdir -p /etc/caddy",
        "cat > /etc/caddy/Caddyfile <<'CADDY'",
        caddyfile(args).trimEnd(),
        "CADDY",
        "cat > /etc/systemd/system/caddy.service <<'UNIT'",
        "[Unit]",
        "Description=Caddy",
        "After=network-online.target",
        "[Service]",
        "User=caddy",
        "ExecStart=/usr/local/bin/caddy run --config /etc/caddy/Caddyfile",
        "AmbientCapabilities=CAP_NET_BIND_SERVICE",
        "Restart=always",
        "[Install]",
        "WantedBy=multi-user.target",
        "UNIT",
        "systemctl daemon-reload",
        "systemctl enable --now caddy",
        "",
    ].join("\n");
}
