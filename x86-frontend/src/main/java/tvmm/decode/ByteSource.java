package tvmm.decode;

/**
 * The instruction bytes as the CPU sees them (fetched through its MMU). Index 0 is the byte
 * at the instruction pointer. Returns the byte (0-255), or -1 when that byte is not
 * available (beyond the fetched page): the decoder then reports {@link Status#TRUNCATED}
 * without reading further. The decoder never asks for an index above 14.
 */
@FunctionalInterface
public interface ByteSource {
    int byteAt(int index);
}
