package dev.meridian.app.health;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Name resolution, injected so tests can stand in for a DNS server. Implementations may block;
 * the prober bounds the wait with the probe timeout.
 */
@FunctionalInterface
public interface Resolver {

    /** @return at least one address, in the order to try them */
    InetAddress[] resolve(String host) throws UnknownHostException;

    static Resolver system() {
        return InetAddress::getAllByName;
    }
}
