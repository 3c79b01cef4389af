package tvmm.decode;

final class TwoByteMap {
    private TwoByteMap() {
    }

    static final String TEXT = """
        """;
}
