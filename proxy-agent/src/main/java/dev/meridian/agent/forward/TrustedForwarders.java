package dev.meridian.agent.forward;

import dev.meridian.agent.config.Cidr;
import io.netty.util.NetUtil;
import java.util.List;

/**
 * The peers (front proxies such as an ingress controller) whose {@code X-Forwarded-For} chain the
 * agent believes and extends; everyone else's forwarding headers are replaced. See {@link ForwardedHeaders}.
 */
public record TrustedForwarders(List<Cidr> blocks) {
    public TrustedForwarders {
        blocks = List.copyOf(blocks);
    }

    public static TrustedForwarders none() {
        return new TrustedForwarders(List.of());
    }

    /** Whether the connection's peer, an IP literal ("" when unknown), lies in a trusted block. */
    public boolean trusts(String peer) {
        if (blocks.isEmpty() || peer.isEmpty()) {
            return false;
        }
        byte[] address = NetUtil.createByteArrayFromIpAddressString(peer);
        if (address == null) {
            return false;
        }
        address = Cidr.unmapped(address);
        for (Cidr block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
