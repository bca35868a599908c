package io.rotation.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rotation.platform.problem.ProblemException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsTheLimitAndStartsAtTheFirstPage() {
        PageRequest page = PageRequest.of(null, null);

        assertThat(page.limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(page.first()).isTrue();
    }

    @Test
    void refusesLimitsOutsideOneToTheMaximum() {
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(ProblemException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> PageRequest.of(PageRequest.MAX_LIMIT + 1, null)).isInstanceOf(ProblemException.class);
        assertThat(PageRequest.of(PageRequest.MAX_LIMIT, null).limit()).isEqualTo(PageRequest.MAX_LIMIT);
    }

    @Test
    void walksAListPageByPageThroughItsOwnCursors() {
        List<Integer> all = IntStream.rangeClosed(1, 7).boxed().toList();
        PageRequest request = PageRequest.of(3, null);
        List<Integer> seen = new java.util.ArrayList<>();
        int pages = 0;
        while (true) {
            Integer after = request.first() ? null : request.afterPart(0, Integer::valueOf);
            List<Integer> rowsPlusOne = all.stream().filter(n -> after == null || n > after).limit(request.limit() + 1L)
                    .toList();
            Page<Integer> page = request.page(rowsPlusOne, n -> List.of(n, "x"));
            seen.addAll(page.items());
            pages++;
            if (page.nextCursor() == null) {
                break;
            }
            request = PageRequest.of(3, page.nextCursor());
            assertThat(request.after()).hasSize(2);
        }
        assertThat(seen).isEqualTo(all);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void answersACursorItDidNotIssueWithAFieldError() {
        assertThatThrownBy(() -> PageRequest.of(10, "%%%not base64")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("cursor");
        PageRequest foreign = PageRequest.of(10, java.util.Base64.getUrlEncoder().encodeToString("abc".getBytes()));
        assertThatThrownBy(() -> foreign.afterPart(0, Long::valueOf)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("cursor");
        assertThatThrownBy(() -> foreign.afterPart(3, Long::valueOf)).isInstanceOf(ProblemException.class);
    }
}
