package io.rotation.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import jakarta.persistence.spi.LoadState;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolver;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import jakarta.persistence.spi.ProviderUtil;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadedStateTraversableResolverTest {

    /** A persistence provider that has loaded nothing, and notes what it was asked about. */
    private final List<String> asked = new ArrayList<>();

    record Body(@NotNull String name) {
    }

    @Entity
    static class Row {
        @NotNull
        String name;
    }

    /** What a provider's lazy proxy of a Row looks like to the resolver. */
    static class RowProxy extends Row {
    }

    @BeforeEach
    void nothingLoaded() {
        ProviderUtil util = (ProviderUtil) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ProviderUtil.class}, (proxy, method, args) -> {
                    asked.add(args[0].getClass().getSimpleName() + "." + args[1]);
                    return LoadState.NOT_LOADED;
                });
        PersistenceProvider provider = (PersistenceProvider) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PersistenceProvider.class},
                (proxy, method, args) -> method.getName().equals("getProviderUtil") ? util : null);
        PersistenceProviderResolverHolder.setPersistenceProviderResolver(new PersistenceProviderResolver() {
            @Override
            public List<PersistenceProvider> getPersistenceProviders() {
                return List.of(provider);
            }

            @Override
            public void clearCachedProviders() {
            }
        });
    }

    @AfterEach
    void defaultProviders() {
        PersistenceProviderResolverHolder.setPersistenceProviderResolver(null);
    }

    @Test
    void validatesAPlainObjectWithoutAskingThePersistenceProvider() {
        assertThat(validator().validate(new Body(null))).hasSize(1);
        assertThat(asked).isEmpty();
    }

    @Test
    void skipsThePropertiesOfAnEntityOrItsProxyThatAreNotLoaded() {
        assertThat(validator().validate(new Row())).isEmpty();
        assertThat(validator().validate(new RowProxy())).isEmpty();
        assertThat(asked).containsExactly("Row.name", "RowProxy.name");
    }

    private static Validator validator() {
        LoadedStateTraversableResolver resolver = new LoadedStateTraversableResolver();
        HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class).configure()
                .traversableResolver(resolver);
        resolver.customize(configuration);
        return configuration.buildValidatorFactory().getValidator();
    }
}
