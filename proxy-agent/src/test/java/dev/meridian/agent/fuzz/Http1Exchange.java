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
 * Plays one {@link FuzzCase} over a plain or TLS connection to the agent's HTTP/1.1 front, then
 * splits what came back into answers. A well-formed case must be answered within
 * {@link #ANSWER_MILLIS}; a mutated one is left once the agent has been silent for
 * {@link #SILENCE_MILLIS}, as a client that gives up.
 */
final class Http1Exchange {
    static final int ANSWER_MILLIS = 3000;
    static final int SILENCE_MILLIS = 100;
    /** How long a mutated case waits for an upgrade's 101 or a watch's event before it goes on regardless. */
    static final int AWAIT_MILLIS = 150;

    private static final int CAP_MILLIS = 2000;

    private final int port;
    private final SSLContext tls;
    private final ExecutorService readers;

    /** {@code tls} null: plain TCP. */
    Http1Exchange(int port, SSLContext tls, ExecutorService readers) {
        this.port = port;
        this.tls = tls;
        this.readers = readers;
    }

    Outcome play(FuzzCase c) throws Exception {
        boolean strict = c.expect() == FuzzCase.Expect.ANSWERED;
        boolean awaitAnswer = c.expect() != FuzzCase.Expect.ANY;
        Received received = new Received();
        Socket socket = connect();
        // Closed on every path, which also ends the reading thread.
        try {
            Future<?> reader = readers.submit(() -> {
                try {
                    received.readAll(socket.getInputStream());
                } catch (IOException e) {
                    received.touched();
                }
            });
            String note = run(c.steps(), socket, received, strict);
            boolean clientClosed = socket.isClosed();
            if (!clientClosed) {
                if (awaitAnswer) {
                    if (!received.awaitEnd(ANSWER_MILLIS)) {
                        note = join(
                                note, "the agent neither answered in full nor closed within " + ANSWER_MILLIS + " ms");
                    }
                } else {
                    received.awaitEndOrSilence(SILENCE_MILLIS, CAP_MILLIS);
                }
            }
            socket.close();
            reader.get(5, TimeUnit.SECONDS);
            Http1Answers.Parsed parsed = Http1Answers.parse(received.bytes());
            List<Outcome.Answer> answers = parsed.answers();
            if (awaitAnswer && !clientClosed && !parsed.truncated().isEmpty()) {
                // The client read to the end the agent chose: nothing may be missing from an answer.
                note = join(note, parsed.truncated());
            }
            boolean complete = note.isEmpty() && answers.size() == c.requests();
            if (strict && answers.size() != c.requests()) {
                note = join(note, answers.size() + " answers to " + c.requests() + " requests");
            }
            return new Outcome(answers, complete, note);
        } finally {
            socket.close();
        }
    }

    private static String run(List<Step> steps, Socket socket, Received received, boolean strict) throws Exception {
        OutputStream out = socket.getOutputStream();
        boolean writable = true;
        for (Step step : steps) {
            if (step instanceof Step.Send send && writable) {
                try {
                    out.write(send.bytes());
                    out.flush();
                    received.touched();
                } catch (IOException e) {
                    writable = false;
                }
            } else if (step instanceof Step.Pause pause) {
                // Pacing only: what was written so far reaches the agent as reads of its own.
                TimeUnit.MILLISECONDS.sleep(pause.millis());
            } else if (step instanceof Step.AwaitText await) {
                if (!received.awaitText(await.text(), strict ? ANSWER_MILLIS : AWAIT_MILLIS) && strict) {
                    return "no \"" + await.text() + "\" within " + ANSWER_MILLIS + " ms";
                }
            } else if (step instanceof Step.Close) {
                socket.close();
                return "";
            } else if (step instanceof Step.HalfClose && !socket.isClosed()) {
                socket.shutdownOutput();
            }
        }
        return "";
    }

    private Socket connect() throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        plain.setSoTimeout(10_000);
        plain.setTcpNoDelay(true);
        if (tls == null) {
            return plain;
        }
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", port, true);
        SSLParameters params = s.getSSLParameters();
        params.setApplicationProtocols(new String[] {"http/1.1"});
        s.setSSLParameters(params);
        s.startHandshake();
        return s;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }
}
