package tvmm.images.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guest's serial output as an emulator process prints it, collected by a reader thread
 * and searchable while it grows ({@link #await} blocks until a pattern appears).
 */
final class SerialConsole {
    private final StringBuilder text = new StringBuilder();
    private final Thread reader;

    SerialConsole(InputStream in, boolean echo) {
        reader = Thread.ofPlatform().daemon().start(() -> {
            byte[] buf = new byte[4096];
            try (in) {
                for (int n; (n = in.read(buf)) > 0;) {
                    if (echo) {
                        System.err.write(buf, 0, n);
                        System.err.flush();
                    }
                    synchronized (text) {
                        text.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                        text.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // QEMU closed its output: the guest is gone.
            }
            synchronized (text) {
                text.notifyAll();
            }
        });
    }

    Matcher await(Pattern pattern, int from, long deadline) throws InterruptedException {
        synchronized (text) {
            while (true) {
                Matcher m = pattern.matcher(text);
                if (from <= text.length() && m.find(from)) {
                    return m;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reader.isAlive()) {
                    return null;
                }
                text.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 200_000_000L))));
            }
        }
    }

    int length() {
        synchronized (text) {
            return text.length();
        }
    }

    String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    void join() throws InterruptedException {
        reader.join(5000);
    }
}
