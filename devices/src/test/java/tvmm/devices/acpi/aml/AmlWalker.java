package tvmm.devices.acpi.aml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent AML reader for the subset tvmm emits: it decodes every PkgLength and
 * fails unless each package ends exactly where its length says, each Buffer holds the
 * number of bytes its size says, and each Package the number of elements its count says.
 */
public final class AmlWalker {

    /** One decoded term: its kind ("Scope", "Device", "Method", "Name", "Return", "Integer",
     *  "String", "Buffer", "Package"), its name or value, and its children. */
    public record Node(String kind, String name, long value, byte[] bytes, List<Node> children) {
        public Node child(String kind, String name) {
            for (Node c : children) {
                if (c.kind.equals(kind) && c.name.equals(name)) {
                    return c;
                }
            }
            return null;
        }
    }

    private final byte[] aml;
    private int pos;

    private AmlWalker(byte[] aml, int pos) {
        this.aml = aml;
        this.pos = pos;
    }

    /** Decodes the whole TermList in {@code aml[from..to)}. */
    public static List<Node> parse(byte[] aml, int from, int to) {
        AmlWalker w = new AmlWalker(aml, from);
        List<Node> out = w.termList(to);
        if (w.pos != to) {
            throw new IllegalStateException("term list ran to " + w.pos + ", expected " + to);
        }
        return out;
    }

    private List<Node> termList(int end) {
        List<Node> out = new ArrayList<>();
        while (pos < end) {
            out.add(term());
        }
        if (pos != end) {
            throw new IllegalStateException("a term crossed its package end at " + end + " (now " + pos + ")");
        }
        return out;
    }

    private int packageEnd() {
        int start = pos;
        int[] len = PkgLength.decode(aml, pos);
        pos += len[1];
        int end = start + len[0];
        if (end > aml.length) {
            throw new IllegalStateException("package at " + start + " runs past the table");
        }
        return end;
    }

    private Node term() {
        int op = aml[pos++] & 0xFF;
        switch (op) {
            case AmlOp.NAME: {
                String name = nameString();
                return new Node("Name", name, 0, null, List.of(dataObject()));
            }
            case AmlOp.SCOPE: {
                int end = packageEnd();
                String name = nameString();
                return new Node("Scope", name, 0, null, termList(end));
            }
            case AmlOp.METHOD: {
                int end = packageEnd();
                String name = nameString();
                int flags = aml[pos++] & 0xFF;
                return new Node("Method", name, flags, null, termList(end));
            }
            case AmlOp.RETURN:
                return new Node("Return", "", 0, null, List.of(dataObject()));
            case AmlOp.EXT_PREFIX: {
                int ext = aml[pos++] & 0xFF;
                if (ext != AmlOp.EXT_DEVICE) {
                    throw new IllegalStateException("unexpected extended opcode 0x" + Integer.toHexString(ext));
                }
                int end = packageEnd();
                String name = nameString();
                return new Node("Device", name, 0, null, termList(end));
            }
            default:
                throw new IllegalStateException("unexpected opcode 0x" + Integer.toHexString(op) + " at " + (pos - 1));
        }
    }

    private Node dataObject() {
        int op = aml[pos++] & 0xFF;
        switch (op) {
            case AmlOp.ZERO:
                return integer(0);
            case AmlOp.ONE:
                return integer(1);
            case AmlOp.ONES:
                return integer(-1);
            case AmlOp.BYTE_PREFIX:
                return integer(le(1));
            case AmlOp.WORD_PREFIX:
                return integer(le(2));
            case AmlOp.DWORD_PREFIX:
                return integer(le(4));
            case AmlOp.QWORD_PREFIX:
                return integer(le(8));
            case AmlOp.STRING_PREFIX: {
                int start = pos;
                while (aml[pos] != 0) {
                    pos++;
                }
                String s = new String(aml, start, pos - start, StandardCharsets.US_ASCII);
                pos++;
                return new Node("String", s, 0, null, List.of());
            }
            case AmlOp.BUFFER: {
                int end = packageEnd();
                long size = dataObject().value();
                if (size != end - pos) {
                    throw new IllegalStateException("Buffer size " + size + " but " + (end - pos) + " bytes");
                }
                byte[] bytes = new byte[(int) size];
                System.arraycopy(aml, pos, bytes, 0, bytes.length);
                pos = end;
                return new Node("Buffer", "", size, bytes, List.of());
            }
            case AmlOp.PACKAGE: {
                int end = packageEnd();
                int count = aml[pos++] & 0xFF;
                List<Node> elements = new ArrayList<>();
                while (pos < end) {
                    elements.add(dataObject());
                }
                if (pos != end || elements.size() != count) {
                    throw new IllegalStateException("Package of " + count + " holds " + elements.size());
                }
                return new Node("Package", "", count, null, elements);
            }
            default:
                throw new IllegalStateException("unexpected data opcode 0x" + Integer.toHexString(op));
        }
    }

    private static Node integer(long v) {
        return new Node("Integer", "", v, null, List.of());
    }

    private long le(int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (aml[pos++] & 0xFFL) << (8 * i);
        }
        return v;
    }

    private String nameString() {
        StringBuilder sb = new StringBuilder();
        if (aml[pos] == NameString.ROOT_CHAR) {
            sb.append('\\');
            pos++;
        }
        while (aml[pos] == NameString.PARENT_PREFIX) {
            sb.append('^');
            pos++;
        }
        int segs;
        int b = aml[pos] & 0xFF;
        if (b == NameString.DUAL_NAME_PREFIX) {
            pos++;
            segs = 2;
        } else if (b == NameString.MULTI_NAME_PREFIX) {
            pos++;
            segs = aml[pos++] & 0xFF;
        } else if (b == NameString.NULL_NAME) {
            pos++;
            segs = 0;
        } else {
            segs = 1;
        }
        for (int i = 0; i < segs; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(new String(aml, pos, 4, StandardCharsets.US_ASCII));
            pos += 4;
        }
        return sb.toString();
    }

    /** Splits a resource template into descriptors, checking lengths and the final End Tag. */
    public static List<byte[]> descriptors(byte[] buffer) {
        List<byte[]> out = new ArrayList<>();
        int p = 0;
        while (p < buffer.length) {
            int tag = buffer[p] & 0xFF;
            int len;
            if ((tag & 0x80) == 0) {
                len = 1 + (tag & 7);
            } else {
                len = 3 + ((buffer[p + 1] & 0xFF) | (buffer[p + 2] & 0xFF) << 8);
            }
            if (p + len > buffer.length) {
                throw new IllegalStateException("descriptor at " + p + " runs past the buffer");
            }
            byte[] d = new byte[len];
            System.arraycopy(buffer, p, d, 0, len);
            out.add(d);
            p += len;
            if (tag == 0x79) {
                if (p != buffer.length) {
                    throw new IllegalStateException("bytes after the End Tag");
                }
                return out;
            }
        }
        throw new IllegalStateException("no End Tag");
    }
}
