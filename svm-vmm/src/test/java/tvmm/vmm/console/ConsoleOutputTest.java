package tvmm.vmm.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The output pump: batching, messages, timestamps, drain on close, a stalled host. */
class ConsoleOutputTest {

    /** Keeps every write call separately, to see how output was batched. */
    static final class Chunks extends OutputStream {
        final List<byte[]> writes = new ArrayList<>();

        @Override
        public synchronized void write(int b) {
            writes.add(new byte[] {(byte) b});
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            byte[] c = new byte[len];
            System.arraycopy(b, off, c, 0, len);
            writes.add(c);
        }

        synchronized String text() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] w : writes) {
                all.writeBytes(w);
            }
            return all.toString(StandardCharsets.ISO_8859_1);
        }

        synchronized List<byte[]> copy() {
            return new ArrayList<>(writes);
        }
    }

    static void waitFor(BooleanSupplier cond, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!cond.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(2);
        }
        assertTrue(cond.getAsBoolean(), "timed out waiting for " + what);
    }

    private static void put(ConsoleOutput out, String s) {
        for (byte b : s.getBytes(StandardCharsets.ISO_8859_1)) {
            out.put(b);
        }
    }

    @Test
    void writesEndAtLineEndsAndAnOpenLineIsFlushedWhenIdle() throws InterruptedException {
        Chunks sink = new Chunks();
        ConsoleOutput out = new ConsoleOutput(sink, "\n", "test-out");
        StringBuilder expect = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            expect.append("line ").append(i).append(" of the boot log\r\n");
        }
        expect.append("/ # "); // a prompt: no newline follows until the user types
        put(out, expect.toString());
        waitFor(() -> sink.text().length() == expect.length(), "the prompt (idle flush, no close)");
        assertEquals(expect.toString(), sink.text());
        List<byte[]> writes = sink.copy();
        assertTrue(writes.size() <= 201, "batched: " + writes.size() + " writes for 201 lines");
        for (byte[] w : writes) {
            for (int i = 0; i < w.length - 1; i++) {
                assertTrue(w[i] != '\n', "a line end is always the last byte of a write");
            }
        }
        assertTrue(out.close(TimeUnit.SECONDS.toNanos(1)));
        assertEquals(expect.length(), out.writtenBytes());
    }

    @Test
    void messagesStartOnTheirOwnLineInOrderWithGuestOutput() throws InterruptedException {
        Chunks sink = new Chunks();
        ConsoleOutput out = new ConsoleOutput(sink, "\r\n", "test-out");
        put(out, "login: ");
        out.message("tvmm: terminated\r\n");
        put(out, "after\n");
        out.message("second\r\n");
        assertTrue(out.close(TimeUnit.SECONDS.toNanos(1)));
        assertEquals("login: \r\ntvmm: terminated\r\nafter\nsecond\r\n", sink.text());
    }

    @Test
    void timestampsPrefixEachLineAfterTheToggle() throws InterruptedException {
        Chunks sink = new Chunks();
        ConsoleOutput out = new ConsoleOutput(sink, "\n", "test-out");
        put(out, "plain\n");
        out.toggleTimestamps();
        put(out, "one\ntwo\n");
        out.toggleTimestamps();
        put(out, "three\n");
        assertTrue(out.close(TimeUnit.SECONDS.toNanos(1)));
        String stamp = "\\[\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\] ";
        assertTrue(Pattern.matches("plain\n" + stamp + "one\n" + stamp + "two\nthree\n", sink.text()), sink.text());
    }

    @Test
    void closeWritesEverythingQueued() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ConsoleOutput out = new ConsoleOutput(sink, "\n", "test-out");
        byte[] all = new byte[50_000];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (i * 31);
            out.put(all[i]);
        }
        assertTrue(out.close(TimeUnit.SECONDS.toNanos(2)));
        byte[] got;
        synchronized (sink) {
            got = sink.toByteArray();
        }
        assertEquals(all.length, got.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals(all[i], got[i], "byte " + i + " (no translation of any value)");
        }
        assertEquals(0, out.droppedBytes());
    }

    @Test
    void aStalledHostDropsOutputInsteadOfBlockingTheVcpu() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        OutputStream stalled = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    release.await(); // a pipe whose reader stopped reading
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ConsoleOutput out = new ConsoleOutput(stalled, "\n", "test-out");
        long t0 = System.nanoTime();
        for (int i = 0; i < ConsoleOutput.QUEUE + 10_000; i++) {
            out.put('x');
        }
        long putMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(putMillis < 2000, "put never waits for the host (" + putMillis + " ms)");
        assertTrue(out.droppedBytes() >= 10_000 - 8192 - 64, "dropped " + out.droppedBytes());
        long c0 = System.nanoTime();
        assertFalse(out.close(TimeUnit.MILLISECONDS.toNanos(200)), "a stalled host cannot drain");
        assertTrue(System.nanoTime() - c0 < TimeUnit.SECONDS.toNanos(2), "close is bounded");
        release.countDown();
    }
}
