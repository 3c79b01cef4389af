package tvmm.devices.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.platform.Layout;

class DebugPortsTest {
    @Test
    void consoleBytesReachTheSink() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IoBus bus = IoBus.portBus();
        bus.register(Layout.DEBUG_CONSOLE, 1, new DebugConsole(out::write));
        for (byte b : "ok\n".getBytes()) {
            bus.write(Layout.DEBUG_CONSOLE, 1, b);
        }
        bus.write(Layout.DEBUG_CONSOLE, 2, 0x4121); // only the low byte
        assertEquals("ok\n!", out.toString());
        assertEquals(0xE9, bus.read(Layout.DEBUG_CONSOLE, 1));
    }

    @Test
    void exitStatusFollowsQemuIsaDebugExit() {
        List<Integer> statuses = new ArrayList<>();
        IoBus bus = IoBus.portBus();
        bus.register(Layout.DEBUG_EXIT, 1, new DebugExit(statuses::add));
        bus.write(Layout.DEBUG_EXIT, 1, 0);
        bus.write(Layout.DEBUG_EXIT, 1, 0x10);
        bus.write(Layout.DEBUG_EXIT, 1, 0x7F);
        assertEquals(List.of(1, 0x21, 0xFF), statuses);
        assertEquals(0xFF, bus.read(Layout.DEBUG_EXIT, 1));
    }
}
