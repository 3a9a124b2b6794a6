-- Secret questions come from one list (templates/<lang>/accounts.json secretQuestions): the account keeps the
-- question's id, and the question is shown in the conversation's language. Questions stored as text are mapped
-- to their id (French or English wording, case, spacing and apostrophes aside, and the three spellings of the
-- birth-city question are one question). A question outside the list cannot be kept: a decoy could never look
-- like it, so showing it would tell that the email has an account. Such an account loses its question and
-- answer: the parent chooses a new one from the list after signing in, and until then the reset by secret
-- question gets the decoy.
-- (Plain words only: the first version of this comment, with guillemets, question marks and a semicolon, made
-- PostgreSQL refuse the script through the schema engine, syntax error at or near the guillemet.)

-- AlterTable
ALTER TABLE "Account" RENAME COLUMN "secretQuestion" TO "secretQuestionId";

UPDATE "Account" SET "secretQuestionId" = CASE regexp_replace(lower(btrim(translate("secretQuestionId", '’', ''''))), '\s+', ' ', 'g')
    WHEN 'quel est le nom de votre personnage fictif préféré?' THEN 'favourite_character'
    WHEN 'what is the name of your favourite fictional character?' THEN 'favourite_character'
    WHEN 'quel est le nom de votre premier animal de compagnie?' THEN 'first_pet'
    WHEN 'what was the name of your first pet?' THEN 'first_pet'
    WHEN 'dans quelle ville êtes-vous né(e)?' THEN 'birth_city'
    WHEN 'dans quelle ville êtes-vous né?' THEN 'birth_city'
    WHEN 'dans quelle ville êtes-vous née?' THEN 'birth_city'
    WHEN 'in what city were you born?' THEN 'birth_city'
    WHEN 'quel est le nom de votre école primaire?' THEN 'elementary_school'
    WHEN 'what is the name of your elementary school?' THEN 'elementary_school'
    WHEN 'quel était le modèle de votre première voiture?' THEN 'first_car'
    WHEN 'what was the model of your first car?' THEN 'first_car'
    WHEN 'quel est le prénom de votre meilleur(e) ami(e) d''enfance?' THEN 'childhood_friend'
    WHEN 'what is the first name of your childhood best friend?' THEN 'childhood_friend'
    WHEN 'quel est le nom de jeune fille de votre mère?' THEN 'mother_maiden_name'
    WHEN 'what is your mother''s maiden name?' THEN 'mother_maiden_name'
  END
WHERE "secretQuestionId" IS NOT NULL;

UPDATE "Account" SET "secretAnswerHash" = NULL WHERE "secretQuestionId" IS NULL AND "secretAnswerHash" IS NOT NULL;
