package io.ironlease.pools.render;

import io.ironlease.pools.analysis.Analysis;
import java.io.IOException;
import java.io.Writer;

/** One output format. Renderers are pure: an analysis in, characters out. */
public interface Renderer {

    void render(Analysis analysis, Writer out) throws IOException;
}
