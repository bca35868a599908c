package io.rotation.userfeatures.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Collection Stats: Maintain aggregate counts": user_collections follows its items. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class CollectionStatsTriggerTest {

    @Test
    void countsAndDurationsFollowInsertDeleteAndMove() {
        long user = TestTokens.newUserId();
        long mix = collection(user, "mix");
        long other = collection(user, "other");
        assertThat(stats(mix)).containsEntry("item_count", 0).containsEntry("total_duration_seconds", 0L);

        TestDatabase.update("""
                insert into user_collection_items (collection_id, track_id, position, duration_seconds)
                values (?, 101, 0, 180), (?, 102, 1, 240), (?, 103, 2, 300)""", mix, mix, mix);
        assertThat(stats(mix)).containsEntry("item_count", 3).containsEntry("total_duration_seconds", 720L);

        TestDatabase.update("delete from user_collection_items where collection_id = ? and track_id = 102", mix);
        assertThat(stats(mix)).containsEntry("item_count", 2).containsEntry("total_duration_seconds", 480L);

        TestDatabase.update("update user_collection_items set collection_id = ?, position = 0"
                + " where collection_id = ? and track_id = 103", other, mix);
        assertThat(stats(mix)).containsEntry("item_count", 1).containsEntry("total_duration_seconds", 180L);
        assertThat(stats(other)).containsEntry("item_count", 1).containsEntry("total_duration_seconds", 300L);

        TestDatabase.update("update user_collection_items set duration_seconds = 200"
                + " where collection_id = ? and track_id = 101", mix);
        assertThat(stats(mix)).containsEntry("item_count", 1).containsEntry("total_duration_seconds", 200L);

        // an item without a known duration counts, and adds nothing to the total
        TestDatabase.update("insert into user_collection_items (collection_id, track_id, position) values (?, 104, 1)", mix);
        assertThat(stats(mix)).containsEntry("item_count", 2).containsEntry("total_duration_seconds", 200L);
    }

    @Test
    void reorderingSwapsPositionsAndLeavesTheStatsAlone() {
        long mix = collection(TestTokens.newUserId(), "reorder");
        TestDatabase.update("""
                insert into user_collection_items (collection_id, track_id, position, duration_seconds)
                values (?, 1, 0, 60), (?, 2, 1, 90)""", mix, mix);
        // one statement swapping positions: fine because the position key is checked at commit
        TestDatabase.update("update user_collection_items set position = 1 - position where collection_id = ?", mix);
        assertThat(TestDatabase.rows("select track_id, position from user_collection_items where collection_id = ?"
                + " order by position", mix)).extracting(r -> r.get("track_id")).containsExactly(2L, 1L);
        assertThat(stats(mix)).containsEntry("item_count", 2).containsEntry("total_duration_seconds", 150L);
        // a real clash is still refused
        assertThatThrownBy(() -> TestDatabase.update(
                "insert into user_collection_items (collection_id, track_id, position) values (?, 3, 0)", mix))
                .hasStackTraceContaining("uq_user_collection_items_collection_position");
        assertThatThrownBy(() -> TestDatabase.update(
                "insert into user_collection_items (collection_id, track_id, position) values (?, 1, 7)", mix))
                .hasStackTraceContaining("uq_user_collection_items_collection_track");
        assertThat(stats(mix)).containsEntry("item_count", 2);
    }

    @Test
    void deletingACollectionDeletesItsItems() {
        long mix = collection(TestTokens.newUserId(), "gone");
        TestDatabase.update("insert into user_collection_items (collection_id, track_id, position, duration_seconds)"
                + " values (?, 1, 0, 60), (?, 2, 1, 90)", mix, mix);
        TestDatabase.update("delete from user_collections where id = ?", mix);
        assertThat(TestDatabase.count("select count(*) from user_collection_items where collection_id = ?", mix)).isZero();
    }

    @Test
    void theStatsCannotGoNegative() {
        long mix = collection(TestTokens.newUserId(), "neg");
        assertThatThrownBy(() -> TestDatabase.update("update user_collections set item_count = -1 where id = ?", mix))
                .hasStackTraceContaining("ck_user_collections_item_count");
    }

    static long collection(long user, String name) {
        return (Long) TestDatabase.rows("insert into user_collections (user_id, name) values (?, ?) returning id",
                user, name).get(0).get("id");
    }

    private static Map<String, Object> stats(long collection) {
        return TestDatabase.rows("select item_count, total_duration_seconds from user_collections where id = ?",
                collection).get(0);
    }
}
