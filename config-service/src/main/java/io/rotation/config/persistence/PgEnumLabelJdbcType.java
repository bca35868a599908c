package io.rotation.config.persistence;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.VarcharJdbcType;

/**
 * A Postgres enum column read and written as its label (a String from an AttributeConverter),
 * for enums whose labels are not Java identifiers ('boolean'). Binds as {@code Types.OTHER} so
 * the server casts the label to the enum type; reads it as text. Use with
 * {@code @Convert(...) @JdbcType(PgEnumLabelJdbcType.class) @Column(columnDefinition = "<enum type>")}.
 */
public class PgEnumLabelJdbcType extends VarcharJdbcType {

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                st.setObject(index, getJavaType().unwrap(value, String.class, options), Types.OTHER);
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                st.setObject(name, getJavaType().unwrap(value, String.class, options), Types.OTHER);
            }
        };
    }
}
