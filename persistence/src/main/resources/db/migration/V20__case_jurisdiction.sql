-- The jurisdiction whose collection rules judge the client's case (a code like CN, US, UK); none
-- means the office's. Which rule packs apply then follows each debt's lender kind.
alter table case_file add column jurisdiction varchar(8);
