package adapters.persistence;

import domain.account.Role;
import domain.account.User;
import domain.account.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import usecase.port.UserRepository;

@ApplicationScoped
@Transactional // reads open their own transaction; writes require the caller's (a use case's)
public class HibernateUserRepository implements UserRepository {

    private final ActiveSession sessions;

    HibernateUserRepository(ActiveSession sessions) {
        this.sessions = sessions;
    }

    private Session session() {
        return sessions.get();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(User user) {
        if (findByUsername(user.username()).isPresent()) {
            return false;
        }
        UserEntity entity = new UserEntity();
        entity.id = user.id();
        entity.username = user.username().value();
        entity.passwordHash = user.passwordHash();
        entity.role = user.role().name();
        entity.createdAt = user.createdAt();
        session().persist(entity);
        try {
            session().flush();
            return true;
        } catch (ConstraintViolationException e) {
            return false; // the same username was taken by a concurrent request
        }
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return session().createSelectionQuery("from UserEntity u where u.username = :name", UserEntity.class)
                .setParameter("name", username.value())
                .uniqueResultOptional().map(HibernateUserRepository::toDomain);
    }

    @Override
    public Optional<User> findById(UUID id) {
        return Optional.ofNullable(session().find(UserEntity.class, id)).map(HibernateUserRepository::toDomain);
    }

    @Override
    public List<User> listAll() {
        return session().createSelectionQuery("from UserEntity u order by u.username", UserEntity.class)
                .getResultList().stream().map(HibernateUserRepository::toDomain).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean updatePasswordHash(UUID id, String passwordHash) {
        return session().createMutationQuery("update UserEntity u set u.passwordHash = :hash where u.id = :id")
                .setParameter("hash", passwordHash).setParameter("id", id).executeUpdate() == 1;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(UUID id) {
        // ECGs, their leads and the user's tokens go with the user through ON DELETE CASCADE.
        return session().createMutationQuery("delete from UserEntity u where u.id = :id")
                .setParameter("id", id).executeUpdate() == 1;
    }

    static User toDomain(UserEntity entity) {
        return new User(entity.id, new Username(entity.username), entity.passwordHash, Role.valueOf(entity.role),
                entity.createdAt);
    }
}
