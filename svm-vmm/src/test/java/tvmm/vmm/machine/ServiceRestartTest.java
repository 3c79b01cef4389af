package tvmm.vmm.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tvmm.vmm.svm.Stop;
import tvmm.vmm.testing.Nasm;

/**
 * A service component that throws is restarted and the guest keeps running: a guest writes
 * 100 numbered lines to the debug console (port 0xE9, served by a component); after the 300th
 * byte the component is made to throw. The kernel logs the fault in one line, a new
 * incarnation serves the port, the guest's access is replayed, and every line arrives once,
 * before the guest ends through isa-debug-exit.
 */
class ServiceRestartTest {
    @TempDir
    Path dir;

    static final String GUEST = Nasm.MULTIBOOT + """
            start:
            xor ebx, ebx                ; line number 0..99
            line:
            mov eax, ebx
            mov cl, 10
            div cl                      ; al = tens, ah = ones
            add ax, 0x3030
            out 0xE9, al
            mov al, ah
            out 0xE9, al
            mov esi, text
            char:
            lodsb
            test al, al
            jz next
            out 0xE9, al
            jmp char
            next:
            inc ebx
            cmp ebx, 100
            jb line
            mov al, 0x2A
            out 0xF4, al
            jmp $
            text: db " the guest keeps writing", 10, 0
            end:
            """;

    @Test
    void faultyComponentRestartsWhileTheGuestRuns() throws Exception {
        Path k = dir.resolve("lines.bin");
        Files.write(k, Nasm.assemble(GUEST));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicReference<Machine> machine = new AtomicReference<>();
        MachineConfig config = new MachineConfig(16L << 20, 1, tvmm.devices.uart.SerialBackend.NONE, 1000, b -> {
            synchronized (console) {
                console.write(b);
                if (console.size() == 300) {
                    machine.get().debugConsole().injectFault(); // mid-run: the next access throws
                }
            }
        }, log::add);
        Stop stop;
        int restarts;
        try (Machine m = new Machine(config)) {
            machine.set(m);
            m.load(k, null, null);
            stop = m.run(Duration.ofSeconds(60));
            restarts = m.debugConsole().restarts();
        }
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            expected.append(String.format("%02d the guest keeps writing%n", i));
        }
        String text;
        synchronized (console) {
            text = console.toString(StandardCharsets.US_ASCII);
        }
        assertEquals(Stop.Kind.DEBUG_EXIT, stop.kind(), stop.reason() + "; log: " + log);
        assertEquals((0x2A << 1) | 1, stop.status());
        assertEquals(expected.toString(), text, "every line once, none lost to the restart");
        assertEquals(1, restarts);
        List<String> faults = log.stream().filter(l -> l.contains("component debugcon")).toList();
        assertEquals(1, faults.size(), "one line for the fault: " + log);
        assertTrue(faults.get(0).contains("injected fault in debugcon") && faults.get(0).contains("restart 1"),
                faults.get(0));
    }
}
