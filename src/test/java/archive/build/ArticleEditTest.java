package archive.build;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which list a page of the site belongs to, with its further pages: what an edit's rebuild makes again. */
class ArticleEditTest {
    @Test
    void aListsFurtherPagesBelongToIt() {
        assertEquals("", ArticleEdit.listOf("index.html"));
        assertEquals("", ArticleEdit.listOf("page/12/index.html"));
        assertEquals("dates/1959/03/", ArticleEdit.listOf("dates/1959/03/index.html"));
        assertEquals("dates/1959/03/", ArticleEdit.listOf("dates/1959/03/page/3/index.html"));
        assertEquals("dates/1959/", ArticleEdit.listOf("dates/1959/index.html"));
        assertEquals("articles/", ArticleEdit.listOf("articles/page/2/index.html"));
    }

    @Test
    void aFolderNamedPageIsNotAFurtherPage() {
        assertEquals("places/page/", ArticleEdit.listOf("places/page/index.html"));
        assertEquals("places/xpage/2/", ArticleEdit.listOf("places/xpage/2/index.html"));
        assertEquals("places/page/", ArticleEdit.listOf("places/page/page/2/index.html"));
        assertNull(ArticleEdit.listOf("articles/1012f6d7e23636c3/cite.bib"));
    }
}
