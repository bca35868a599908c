package io.rotation.platform.validation;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import jakarta.persistence.Entity;
import jakarta.persistence.Persistence;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Bean Validation walks every property of a plain object (request bodies, records) and only the loaded
 * properties of a JPA entity, so validating never triggers a lazy load. Quarkus' default asks the persistence
 * provider about every property of every object, entity or not: validating a 1,000-play batch spent more time
 * there, and in the per-validation cache Hibernate Validator keeps around it, than in the constraints
 * themselves (docs/performance.md). This answers plain objects at once, so the cache is turned off.
 */
@Singleton
public class LoadedStateTraversableResolver implements TraversableResolver, ValidatorFactoryCustomizer {

    private static final ClassValue<Boolean> ENTITY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            // a provider's proxy or enhanced subclass is an entity when a superclass is
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (c.isAnnotationPresent(Entity.class)) {
                    return true;
                }
            }
            return false;
        }
    };

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                               Path pathToTraversableObject, ElementType elementType) {
        return traversableObject == null || !ENTITY.get(traversableObject.getClass())
                || Persistence.getPersistenceUtil().isLoaded(traversableObject, traversableProperty.getName());
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                                Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.enableTraversableResolverResultCache(false);
    }
}
