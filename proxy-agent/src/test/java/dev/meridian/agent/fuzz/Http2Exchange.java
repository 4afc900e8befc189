package dev.meridian.agent.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Plays one {@link FuzzCase} over TLS with ALPN {@code h2} against the agent's HTTP/2 front. A
 * well-formed case must see every stream answered and ended within {@link Http1Exchange#ANSWER_MILLIS};
 * a mutated one is left after {@link Http1Exchange#SILENCE_MILLIS} of silence.
 */
final class Http2Exchange {
    private static final int CAP_MILLIS = 2000;
    private final int port;
    private final SSLContext tls;
    private final ExecutorService readers;

    Http2Exchange(int port, SSLContext tls, ExecutorService readers) {
        this.port = port;
        this.tls = tls;
        this.readers = readers;
    }

    Outcome play(FuzzCase c) throws Exception {
        boolean strict = c.expect() == FuzzCase.Expect.ANSWERED;
        SSLSocket socket = connect();
        // Closed on every path, which also ends the reading thread.
        try {
            if (!"h2".equals(socket.getApplicationProtocol())) {
                return new Outcome(
                        List.of(),
                        false,
                        "the agent did not negotiate h2 (ALPN gave \"" + socket.getApplicationProtocol() + "\")");
            }
            OutputStream out = socket.getOutputStream();
            // The opening goes first: the reader acknowledges the agent's SETTINGS, which must follow the preface.
            out.write(((Step.Send) c.steps().get(0)).bytes());
            out.flush();
            Http2Reader reader = new Http2Reader(out);
            Future<?> reading = readers.submit(() -> {
                try {
                    reader.readAll(socket.getInputStream());
                } catch (IOException e) {
                    reader.touched();
                }
            });
            String note = run(c.steps().subList(1, c.steps().size()), socket, out, reader, strict);
            boolean clientClosed = socket.isClosed();
            if (!clientClosed) {
                boolean all = reader.awaitStreams(
                        c.requests(),
                        strict ? -1 : Http1Exchange.SILENCE_MILLIS,
                        strict ? Http1Exchange.ANSWER_MILLIS : CAP_MILLIS);
                if (strict && !all) {
                    note = join(note, "not every stream ended within " + Http1Exchange.ANSWER_MILLIS + " ms");
                }
            }
            reader.leaving();
            socket.close();
            reading.get(5, TimeUnit.SECONDS);
            List<Outcome.Answer> answers = reader.answers();
            if (strict && !clientClosed && reader.endedNormally() < c.requests()) {
                note = join(note, reader.endedNormally() + " of " + c.requests() + " streams ended normally");
            }
            if (!reader.error().isEmpty()) {
                note = join(note, reader.error());
            }
            if (strict && answers.size() != c.requests()) {
                note = join(note, answers.size() + " answers to " + c.requests() + " streams");
            }
            return new Outcome(answers, note.isEmpty(), note);
        } finally {
            socket.close();
        }
    }

    private static String run(List<Step> steps, Socket socket, OutputStream out, Http2Reader reader, boolean strict)
            throws Exception {
        for (Step step : steps) {
            if (step instanceof Step.Send send) {
                try {
                    synchronized (out) {
                        out.write(send.bytes());
                        out.flush();
                    }
                    reader.touched();
                } catch (IOException e) {
                    return "";
                }
            } else if (step instanceof Step.Pause pause) {
                // Pacing only: the agent reads what came before as a chunk of its own.
                TimeUnit.MILLISECONDS.sleep(pause.millis());
            } else if (step instanceof Step.AwaitText await) {
                if (!reader.awaitText(await.text(), strict ? Http1Exchange.ANSWER_MILLIS : Http1Exchange.AWAIT_MILLIS)
                        && strict) {
                    return "no \"" + await.text() + "\" within " + Http1Exchange.ANSWER_MILLIS + " ms";
                }
            } else if (step instanceof Step.Close) {
                reader.leaving();
                socket.close();
                return "";
            }
        }
        return "";
    }

    private SSLSocket connect() throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        plain.setSoTimeout(10_000);
        plain.setTcpNoDelay(true);
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", port, true);
        SSLParameters params = s.getSSLParameters();
        params.setApplicationProtocols(new String[] {"h2"});
        s.setSSLParameters(params);
        s.startHandshake();
        return s;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }
}
