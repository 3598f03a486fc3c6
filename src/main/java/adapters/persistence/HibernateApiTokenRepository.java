package adapters.persistence;

import domain.account.ApiToken;
import domain.account.User;
import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import usecase.port.ApiTokenRepository;

@ApplicationScoped
@Transactional
public class HibernateApiTokenRepository implements ApiTokenRepository {

    private final ActiveSession sessions;

    HibernateApiTokenRepository(ActiveSession sessions) {
        this.sessions = sessions;
    }

    private Session session() {
        return sessions.get();
    }

    @Override
    public boolean add(ApiToken token) {
        if (session().find(ApiTokenEntity.class, token.id()) != null) {
            return false;
        }
        ApiTokenEntity entity = new ApiTokenEntity();
        entity.id = token.id();
        entity.userId = token.userId();
        entity.name = token.name();
        entity.secretHash = token.secretHash();
        entity.createdAt = token.createdAt();
        entity.expiresAt = token.expiresAt();
        session().persist(entity);
        return true;
    }

    @Override
    public List<ApiToken> listAll() {
        return session().createSelectionQuery("from ApiTokenEntity t order by t.createdAt, t.id", ApiTokenEntity.class)
                .getResultList().stream().map(HibernateApiTokenRepository::toDomain).toList();
    }

    @Override
    public Optional<User> findOwnerOfValidToken(String secretHash, Instant now) {
        return session().createSelectionQuery("""
                        select u from ApiTokenEntity t, UserEntity u
                        where t.secretHash = :hash and t.expiresAt > :now and u.id = t.userId""", UserEntity.class)
                .setParameter("hash", secretHash).setParameter("now", now)
                .uniqueResultOptional().map(HibernateUserRepository::toDomain);
    }

    @Override
    public List<ApiToken> listByUser(UUID userId) {
        return session().createSelectionQuery(
                        "from ApiTokenEntity t where t.userId = :user order by t.createdAt desc", ApiTokenEntity.class)
                .setParameter("user", userId)
                .getResultList().stream().map(HibernateApiTokenRepository::toDomain).toList();
    }

    @Override
    public boolean delete(UUID id, UUID userId) {
        return session().createMutationQuery("delete from ApiTokenEntity t where t.id = :id and t.userId = :user")
                .setParameter("id", id).setParameter("user", userId).executeUpdate() == 1;
    }

    private static ApiToken toDomain(ApiTokenEntity entity) {
        return new ApiToken(entity.id, entity.userId, entity.name, entity.secretHash, entity.createdAt, entity.expiresAt);
    }
}
