package tvmm.decode;

final class ThreeByteMaps {
    private ThreeByteMaps() {
    }

    static final String TEXT_0F38 = """
        """;
    static final String TEXT_0F3A = """
        """;
}
