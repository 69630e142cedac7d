import { describe, expect, it } from 'vitest';
import { roleFamilyOf, seniorityOf, type RoleFamily, type Seniority } from './role-family.js';

describe('roleFamilyOf', () => {
  const cases: [string, RoleFamily | null][] = [
    ['Staff Nurse', 'healthcare'],
    ['Healthcare Assistant', 'healthcare'],
    ['Senior Care Worker', 'healthcare'],
    ['Dental Nurse', 'healthcare'],
    ['Backend Engineer', 'software'],
    ['Sr. Front-End Developer', 'software'],
    ['Site Reliability Engineer', 'software'],
    ['Engineering Manager', 'software'],
    ['Store Manager', 'retail_hospitality'],
    ['Sales Assistant', 'retail_hospitality'],
    ['Barista', 'retail_hospitality'],
    ['Sous Chef', 'retail_hospitality'],
    ['Data Analyst', 'data'],
    ['Clinical Data Manager', 'data'],
    ['Machine Learning Engineer', 'data'],
    ['Account Executive', 'sales'],
    ['Business Development Representative', 'sales'],
    ['Software Sales Executive', 'sales'],
    ['Year 5 Teacher', 'teaching'],
    ['Teaching Assistant', 'teaching'],
    ['Nursery Nurse', 'teaching'],
    ['Accounts Payable Clerk', 'finance'],
    ['Management Accountant', 'finance'],
    ['Payroll Officer', 'finance'],
    ['Warehouse Supervisor', 'operations'],
    ['Logistics Coordinator', 'operations'],
    ['Customer Care Advisor', 'operations'],
    ['Content Marketing Manager', 'marketing'],
    ['Social Media Executive', 'marketing'],
    ['Civil Engineer', null],
    ['Consultant', null],
    ['Manager', null],
    ['', null],
    ['   ', null],
  ];
  it.each(cases)('%s → %s', (title, family) => {
    expect(roleFamilyOf(title)).toBe(family);
  });

  it('matches whole words only: a nursery is not a nurse, a storey is not a store', () => {
    expect(roleFamilyOf('Nursery Practitioner')).toBe('teaching');
    expect(roleFamilyOf('Storeyboard Artist')).toBeNull();
  });
});

describe('seniorityOf', () => {
  const cases: [string, Seniority | null][] = [
    ['Graduate Data Analyst', 'entry'],
    ['Junior Developer', 'entry'],
    ['Trainee Accountant', 'entry'],
    ['Marketing Intern', 'entry'],
    ['Software Engineer I', 'entry'],
    ['Trainee Manager', 'entry'],
    ['Senior Backend Engineer', 'senior'],
    ['Sr Data Scientist', 'senior'],
    ['Staff Engineer', 'senior'],
    ['Assistant Store Manager', 'senior'],
    ['Lead Nurse', 'lead'],
    ['Principal Engineer', 'lead'],
    ['Head of Marketing', 'lead'],
    ['Store Manager', 'lead'],
    ['Finance Director', 'lead'],
    ['Warehouse Supervisor', 'lead'],
    ['Senior Engineering Manager', 'lead'],
    ['Staff Nurse', 'mid'],
    ['Data Analyst', 'mid'],
    ['Account Manager', 'mid'],
    ['Product Manager', 'mid'],
    ['Senior Product Manager', 'senior'],
    ['Logistics Coordinator', 'mid'],
    ['Barista', 'mid'],
    ['Opportunity', null],
    ['', null],
  ];
  it.each(cases)('%s → %s', (title, seniority) => {
    expect(seniorityOf(title)).toBe(seniority);
  });
});
