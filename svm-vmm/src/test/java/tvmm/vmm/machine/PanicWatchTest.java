package tvmm.vmm.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console watch finds kernel/panic.c's lines and passes every byte on unchanged. */
class PanicWatchTest {
    final ByteArrayOutputStream passed = new ByteArrayOutputStream();
    final List<String> ends = new ArrayList<>();
    final PanicWatch watch = new PanicWatch(passed::write, ends::add);

    void print(String s) {
        for (byte b : s.getBytes(StandardCharsets.ISO_8859_1)) {
            watch.transmit(b & 0xFF);
        }
    }

    @Test
    void panicLineGivesTheReasonAndTheEndMarkerEndsTheMachine() {
        String text = "[    1.0] Run /init as init process\r\n"
                + "[   71.9] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\r\n"
                + "[   71.9] CPU: 0 PID: 1 Comm: swapper/0\r\n";
        print(text);
        assertEquals("VFS: Unable to mount root fs on unknown-block(0,0)", watch.reason());
        assertEquals(List.of(), ends, "panic=N still resets the machine: no end yet");
        print("[   72.0] ---[ end Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0) ]---\r\n");
        assertEquals(List.of("VFS: Unable to mount root fs on unknown-block(0,0)"), ends);
        assertEquals(text.length() + 104, passed.size(), "every byte passed on");
    }

    @Test
    void ordinaryOutputAndOverlongLinesAreNoPanic() {
        print("echo 'Kernel panic' is not the marker\n");
        print("x".repeat(10_000) + "Kernel panic - not syncing: too far into a line\n");
        assertNull(watch.reason());
        print("---[ end Kernel panic - not syncing: without a panic first ]---\n");
        assertEquals(List.of(), ends);
    }
}
