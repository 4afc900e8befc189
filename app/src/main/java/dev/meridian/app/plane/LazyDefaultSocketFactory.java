package dev.meridian.app.plane;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The JVM's default TLS socket factory, made only when a connection uses it. Every
 * {@link HttpsURLConnection} takes the default factory when it is created, even one that is then
 * given its own (as {@link KubeApi}'s always are), and making the default loads and parses the
 * system's trusted roots: measured in a cold CLI, the longest step before its first request.
 * Installed as the default, this defers that to a connection that really uses the system's roots;
 * it then behaves exactly as the JVM's own default.
 */
final class LazyDefaultSocketFactory extends SSLSocketFactory {
    private static volatile boolean installed;

    private volatile SSLSocketFactory delegate;

    private LazyDefaultSocketFactory() {}

    /** Installs it as {@link HttpsURLConnection}'s default, once per JVM. */
    static void install() {
        if (!installed) {
            synchronized (LazyDefaultSocketFactory.class) {
                if (!installed) {
                    HttpsURLConnection.setDefaultSSLSocketFactory(new LazyDefaultSocketFactory());
                    installed = true;
                }
            }
        }
    }

    private SSLSocketFactory delegate() {
        SSLSocketFactory d = delegate;
        if (d == null) {
            try {
                d = SSLContext.getDefault().getSocketFactory();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JVM has no default TLS context: " + e, e);
            }
            delegate = d;
        }
        return d;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate().getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate().createSocket();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return delegate().createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
        return delegate().createSocket(socket, consumed, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate().createSocket(address, port, localAddress, localPort);
    }
}
