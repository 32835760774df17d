package archive.build;

import archive.diag.BuildFailedException;
import archive.diag.Diagnostic;
import archive.testing.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The `check` command renders in memory and reports broken links and HTML errors, writing nothing. */
class CheckLinksTest {
    private final TestProject project = TestProject.seedProject();

    @AfterEach
    void clean() { TestProject.delete(project.root); }

    @Test
    void checkPassesOnTheSeedsAndWritesNothing() {
        SiteBuild.Result r = new SiteBuild(project.config(), null).check();
        assertEquals(5, r.articles());
        assertFalse(Files.exists(project.site()));
    }

    @Test
    void aTemplateLinkingToAMissingPageOrAnchorFailsTheCheckAtThePageAndLine() {
        project.write("templates/page.peb", """
                {% extends "base" %}
                {% block content %}
                <article class="site-page">
                <h1>{{ title }}</h1>
                <p><a href="{{ url('glossary/no-such-entry/') }}">gone</a> <a href="#p99">nowhere</a></p>
                {{ content | raw }}
                </article>
                {% endblock %}
                """);
        BuildFailedException e = assertThrows(BuildFailedException.class, () -> new SiteBuild(project.config(), null).check());
        List<Diagnostic> about = e.errors().stream()
                .filter(d -> d.file().endsWith(java.nio.file.Path.of("about", "index.html"))).toList();
        assertEquals(2, about.size(), e.getMessage());
        assertTrue(about.stream().allMatch(d -> d.line() > 20), e.getMessage());
        assertTrue(e.getMessage().contains("no such file glossary/no-such-entry/index.html"), e.getMessage());
        assertTrue(e.getMessage().contains("no element with id \"p99\""), e.getMessage());
        assertFalse(Files.exists(project.site()));
    }
}
