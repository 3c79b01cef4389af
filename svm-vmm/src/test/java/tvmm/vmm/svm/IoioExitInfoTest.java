package tvmm.vmm.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tvmm.cpu.svm.IoioInfo;
import tvmm.devices.bus.IoDevice;
import tvmm.vmm.machine.Machine;
import tvmm.vmm.machine.MachineConfig;
import tvmm.vmm.testing.Nasm;

/**
 * EXITINFO1 of the IOIO exit as APM vol. 2 §15.10.2 (figure 15-2) lays it out: port, type,
 * string and REP bits, one-hot operand and address sizes and the effective segment of OUTS.
 * A 32-bit guest issues each form at a port whose device records the VMCB's EXITINFO1 while
 * the exit is being handled (on the vCPU's own thread, as the handler sees it).
 */
class IoioExitInfoTest {
    static final int PORT = 0x3E0;

    @TempDir
    Path dir;

    static final String GUEST = Nasm.MULTIBOOT + """
            start:
            mov ax, ds
            mov fs, ax
            mov dx, 0x3E0
            out dx, al                  ; 1: OUT, 8 bits
            in ax, dx                   ; 2: IN, 16 bits
            mov esi, buf
            mov ecx, 2
            rep outsw                   ; 3, 4: REP OUTSW from DS:ESI
            mov esi, buf
            fs outsd                    ; 5: OUTSD from FS:ESI
            mov edi, buf
            insb                        ; 6: INSB to ES:EDI
            xor esi, esi
            a16 gs outsb                ; 7: 16-bit addressing, GS:SI
            mov al, 0
            out 0xF4, al
            jmp $
            buf: dd 0x11223344, 0x55667788
            end:
            """;

    @Test
    void stringRepSizeAddressSizeAndSegmentBits() throws Exception {
        Path k = dir.resolve("ioio.bin");
        Files.write(k, Nasm.assemble(GUEST));
        List<Long> infos = new ArrayList<>();
        Stop stop;
        try (Machine m = new Machine(MachineConfig.forTest(16L << 20, 1, b -> { }))) {
            VirtualCpu v = m.vcpus().get(0);
            m.ports().register(PORT, 4, new IoDevice() {
                @Override
                public long read(long offset, int size) {
                    infos.add(v.vmcb().exitInfo1());
                    return 0;
                }

                @Override
                public void write(long offset, int size, long value) {
                    infos.add(v.vmcb().exitInfo1());
                }

                @Override
                public String name() {
                    return "exitinfo-probe";
                }
            });
            m.load(k, null, null);
            stop = m.run(Duration.ofSeconds(30));
        }
        assertEquals(Stop.Kind.DEBUG_EXIT, stop.kind(), stop.reason());
        int ds = 3;
        int fs = 4;
        int gs = 5;
        List<Long> expected = List.of(
                IoioInfo.encode(PORT, false, 1, false, false, 4, 0),
                IoioInfo.encode(PORT, true, 2, false, false, 4, 0),
                IoioInfo.encode(PORT, false, 2, true, true, 4, ds),
                IoioInfo.encode(PORT, false, 2, true, true, 4, ds),
                IoioInfo.encode(PORT, false, 4, true, false, 4, fs),
                IoioInfo.encode(PORT, true, 1, true, false, 4, 0),
                IoioInfo.encode(PORT, false, 1, true, false, 2, gs));
        assertEquals(hex(expected), hex(infos));
        // The layout itself, spelled out for one case (figure 15-2): REP OUTSW, DS, A32.
        assertEquals((long) PORT << 16 | ds << 10 | IoioInfo.A32 | IoioInfo.SZ16 | IoioInfo.REP | IoioInfo.STR,
                (long) infos.get(2));
    }

    private static List<String> hex(List<Long> l) {
        return l.stream().map(Long::toHexString).toList();
    }
}
